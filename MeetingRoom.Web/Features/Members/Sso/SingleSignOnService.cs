using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Sso;

/// <summary>
/// Signs in the person the company's identity provider vouched for (issue 20), after the OpenID Connect handler has
/// put them in Identity's external cookie. In order, with nothing written when refused:
/// <list type="number">
/// <item>the provider must give an email it says is verified, of an allowed domain (<see cref="SingleSignOnRules.CanAdmit"/>);</item>
/// <item>the member is the one linked to this provider account (provider + <c>sub</c>), else the member with that email
/// (linked now, not duplicated; an invited member becomes active), else a new member created just in time (name, email,
/// role Member, active, email confirmed; language from <c>locale</c> when the site speaks it);</item>
/// <item>a deactivated member is refused (<see cref="SingleSignOnRules.CanSignOn"/>);</item>
/// <item>when <c>Auth:Oidc:AdminGroups</c> is set, the groups claim decides the Admin role at every sign-in; taking it from
/// the last active admin is not done (logged as a warning: the site would have no admin left);</item>
/// <item>then Identity signs the member in (<see cref="SignInManager{TUser}.ExternalLoginSignInAsync(string, string, bool, bool)"/>:
/// its checks and records apply).</item>
/// </list>
/// Steps 2–4 are one transaction. Scoped.
/// </summary>
public sealed class SingleSignOnService(
    AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<AuthOptions> options,
    ILogger<SingleSignOnService> logger)
{
    /// <summary>Provisions (see the class) and signs in the person of <paramref name="info"/> with the pages' cookie.</summary>
    public async Task<SignOnResult> SignInAsync(ExternalLoginInfo info, CancellationToken ct = default)
    {
        var oidc = options.Value.Oidc;
        var claims = ProviderClaims.Read(info.Principal, oidc.GroupsClaim);
        if (SingleSignOnRules.CanAdmit(claims.Email, claims.EmailVerified, oidc.AllowedDomains) is { } refusal)
        {
            logger.LogInformation("Single sign-on of {Provider} subject {Subject} refused: {Refusal} (domain {Domain}).",
                info.LoginProvider, info.ProviderKey, refusal, SingleSignOnRules.DomainOf(claims.Email));
            return new SignOnResult(null, SignOnErrors.Of(refusal));
        }

        AppUser member;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var provisioned = await ProvisionAsync(info, claims, oidc, ct);
                if (!provisioned.Succeeded) return provisioned;
                member = provisioned.Member!;
                break;
            }
            catch (Exception e) when (attempt == 0 && IsOtherFirstSignIn(e))
            {
                // The same person's first sign-in in another tab created the member (or the link) meanwhile: find it.
                db.ChangeTracker.Clear();
            }
            catch (IdentityFailure e)
            {
                db.ChangeTracker.Clear();
                logger.LogWarning("Single sign-on of {Provider} subject {Subject} failed: {Errors}", info.LoginProvider, info.ProviderKey, e.Message);
                return new SignOnResult(null, SignOnErrors.Failed);
            }
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Member {MemberId} signed in through {Provider}.", member.Id, info.LoginProvider);
            return new SignOnResult(member, null);
        }
        logger.LogInformation("Single sign-on of member {MemberId} refused by sign-in: {Result}.", member.Id, result);
        return new SignOnResult(null, result.IsLockedOut ? SignOnErrors.AccountLocked
            : result.IsNotAllowed ? SignOnErrors.AccountDeactivated
            : SignOnErrors.Failed);
    }

    /// <summary>
    /// The write lost to the same person's first sign-in elsewhere: the unique index says so when that one commits during this
    /// write; Identity's own checks (user name, email or login already taken) when it committed between this one's reads and
    /// its write.
    /// </summary>
    private static bool IsOtherFirstSignIn(Exception e) =>
        e is DbUpdateException update && DbErrors.IsUniqueViolation(update) || e is IdentityFailure { IsDuplicate: true };

    /// <summary>Steps 2–4 of the class, in one transaction; a refusal rolls back (nothing was written before it anyway).</summary>
    private async Task<SignOnResult> ProvisionAsync(ExternalLoginInfo info, ProviderClaims claims, OidcOptions oidc, CancellationToken ct)
    {
        var gate = db.WriteGate(); // SQLite: one writer, held for the whole transaction
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var login = new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName);
            var member = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
            var changed = false;
            if (member is not null)
            {
                if (SingleSignOnRules.CanSignOn(member.Status, linkedToOtherAccount: false) is { } refusal)
                    return Refused(member, refusal);
            }
            else if (await users.FindByEmailAsync(claims.Email!) is { } existing)
            {
                var logins = (await users.GetLoginsAsync(existing)).Where(l => l.LoginProvider == info.LoginProvider).ToList();
                // This very login may have been committed between the two reads (the same person's first sign-in in another
                // tab, on a database whose statements each see the latest commits): then the member is simply found.
                var linkedHere = logins.Any(l => l.ProviderKey == info.ProviderKey);
                if (SingleSignOnRules.CanSignOn(existing.Status, linkedToOtherAccount: !linkedHere && logins.Count > 0) is { } refusal)
                    return Refused(existing, refusal);
                member = existing;
                if (!linkedHere)
                {
                    Check(await users.AddLoginAsync(existing, login));
                    changed = !member.EmailConfirmed;
                    member.EmailConfirmed = true; // the provider vouched for this very address
                    logger.LogInformation("Member {MemberId} linked to {Provider} subject {Subject}.", member.Id, info.LoginProvider, info.ProviderKey);
                }
            }
            else
            {
                member = await CreateAsync(claims, login, ct);
            }

            var status = SingleSignOnRules.StatusAfterSignOn(member.Status);
            if (status != member.Status || changed)
            {
                member.Status = status;
                Check(await users.UpdateAsync(member));
            }
            await SyncAdminRoleAsync(member, claims, oidc, ct);
            await tx.CommitAsync(ct);
            return new SignOnResult(member, null);
        }
        finally
        {
            gate?.Release();
        }
    }

    private SignOnResult Refused(AppUser member, SignOnRefusal refusal)
    {
        logger.LogInformation("Single sign-on of member {MemberId} refused: {Refusal}.", member.Id, refusal);
        return new SignOnResult(null, SignOnErrors.Of(refusal));
    }

    /// <summary>The member created just in time: role Member, active, email confirmed, language from the provider's locale.</summary>
    private async Task<AppUser> CreateAsync(ProviderClaims claims, UserLoginInfo login, CancellationToken ct)
    {
        var email = claims.Email!;
        var name = claims.Name is { Length: > 0 } given ? given : email[..email.LastIndexOf('@')];
        var member = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Length > DisplayNameMaxLength ? name[..DisplayNameMaxLength] : name,
            Status = MemberStatus.Active,
        };
        Check(await users.CreateAsync(member));
        Check(await users.AddToRoleAsync(member, Roles.Member));
        Check(await users.AddLoginAsync(member, login));
        if (SiteCultures.Match(claims.Locale) is { } language)
        {
            db.MemberPreferences.Add(new MemberPreferences { MemberId = member.Id, Language = language });
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("Member {MemberId} created at their first sign-in through {Provider}.", member.Id, login.LoginProvider);
        return member;
    }

    /// <summary>The longest display name stored (the column's length).</summary>
    private const int DisplayNameMaxLength = 256;

    /// <summary>
    /// The provider's groups decide the Admin role (when admin groups are configured). Taking it away counts the active
    /// admins under <see cref="AdminSetLock"/>, so two last admins leaving their group at once cannot both lose it.
    /// </summary>
    private async Task SyncAdminRoleAsync(AppUser member, ProviderClaims claims, OidcOptions oidc, CancellationToken ct)
    {
        if (SingleSignOnRules.IsAdmin(claims.Groups, oidc.AdminGroups) is not { } admin) return;
        var isAdmin = await users.IsInRoleAsync(member, Roles.Admin);
        if (admin && !isAdmin)
        {
            Check(await users.AddToRoleAsync(member, Roles.Admin));
            logger.LogInformation("Member {MemberId} made Admin by the provider's groups.", member.Id);
        }
        else if (!admin && isAdmin)
        {
            var activeAdmins = await AdminSetLock.AcquireAndCountActiveAdminsAsync(db, ct);
            if (MemberRules.CanRemoveAdmin(member.Status, activeAdmins) is { } refusal)
            {
                logger.LogWarning("Member {MemberId} is no longer in an admin group of the provider but stays Admin: {Refusal} (the site would have no active admin left).",
                    member.Id, refusal);
                return;
            }
            Check(await users.RemoveFromRoleAsync(member, Roles.Admin));
            logger.LogInformation("Member {MemberId} is no longer Admin: not in an admin group of the provider.", member.Id);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new IdentityFailure(result.Errors.ToList());
    }

    /// <summary>
    /// Identity refused a change (e.g. an email whose characters a user name may not hold): the whole sign-on fails, unless
    /// what it found is a member or link just made by the same person's other sign-in (<see cref="IsDuplicate"/>).
    /// </summary>
    private sealed class IdentityFailure(IReadOnlyList<IdentityError> errors)
        : Exception(string.Join(" ", errors.Select(e => $"{e.Code}: {e.Description}")))
    {
        /// <summary>The user name, email or provider login is already someone's (Identity's codes for it).</summary>
        public bool IsDuplicate { get; } = errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName)
            or nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.LoginAlreadyAssociated));
    }
}
