using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// Invitations by email (issue 20, item 4). Inviting creates the member — status <see cref="MemberStatus.Invited"/>, no
/// password, email confirmed (an admin vouches for it), <see cref="AppUser.InvitedAt"/> now, role Member (or Member and
/// Admin) — and, in the same transaction, an <see cref="AccountMailRequested"/> outbox event that the email handler turns
/// into the invitation mail, in the member's language (the site default until they choose). The mail's link,
/// <c>{site}/Account/AcceptInvitation?member={id}&amp;token={token}</c> (<see cref="AccountLinks"/>), works for
/// <see cref="AccountLinkOptions.InvitationDays"/> (7) days and once: accepting it, or sending a new invitation, changes the
/// member's security stamp. With no SMTP server configured (<c>Smtp:Host</c> unset) no mail is queued and the link is
/// returned in <see cref="InvitationSent.Link"/> for the admin to pass on.
/// Accepting (<see cref="CheckLinkAsync"/>, <see cref="AcceptAsync"/>) sets the password and makes the member active.
/// </summary>
public sealed class InvitationService(
    AppDbContext db, UserManager<AppUser> users, AccountLinks links, IDataProtectionProvider protection,
    IOptions<SmtpOptions> smtp, IOptions<AuthOptions> auth, IOptions<IdentityOptions> identity, TimeProvider clock, ILogger<InvitationService> logger)
{
    /// <summary>Creates an invited member and sends the invitation (valid 7 days). Problems: invalid-input, member-exists, admin-only.</summary>
    public async Task<AppResult<InvitationSent>> InviteAsync(Actor admin, InvitationRequest request, CancellationToken ct = default)
    {
        var result = await InviteAllAsync(admin, [request], many: false, ct);
        return result.IsOk ? result.Value![0] : result.Problem!;
    }

    /// <summary>
    /// Invites all of <paramref name="requests"/> in one transaction: all are created and their invitations queued, or
    /// none (the first problem is returned). Used by the CSV import, which validates every line first. Field errors are
    /// named by position, e.g. <c>[3].email</c> (0-based). Problems: invalid-input, member-exists (also for an email
    /// given twice), admin-only.
    /// </summary>
    public Task<AppResult<IReadOnlyList<InvitationSent>>> InviteManyAsync(Actor admin, IReadOnlyList<InvitationRequest> requests, CancellationToken ct = default) =>
        InviteAllAsync(admin, requests, many: true, ct);

    /// <summary>Sends a new invitation to an invited member (the old link stops working). Problems: unknown-member, wrong-status, admin-only.</summary>
    public async Task<AppResult<InvitationSent>> ResendAsync(Actor admin, string memberId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return AdminOnly();
        var inviter = await NameOfAsync(admin, ct);
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = string.IsNullOrEmpty(memberId) || memberId.Contains('\0') ? null : await users.FindByIdAsync(memberId);
            if (user is null) return AppProblem.NotFound(ProblemCodes.UnknownMember, ProblemText.Get("UnknownMember"));
            if (InvitationRules.CanResend(user.Status) is not null)
                return new AppProblem(ProblemCodes.WrongStatus, 409, ProblemText.Get("TitleWrongStatus"), ProblemText.Get("WrongStatusResend", user.Status));
            user.InvitedAt = clock.GetUtcNow();
            Check(await users.UpdateSecurityStampAsync(user)); // the old link stops working; saves InvitedAt too
            var sent = await QueueAsync(user, inviter);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Invitation sent again to member {MemberId}.", user.Id);
            return sent;
        }
        finally
        {
            gate?.Release();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The invited member a link names, when the link is good: the member exists, is still invited, and the token was made
    /// for them within its lifetime and since their last invitation. Reads only. Problem: invalid-link (one answer for
    /// every bad link: expired, used, replaced, altered, unknown member).
    /// </summary>
    public async Task<AppResult<AppUser>> CheckLinkAsync(string? memberId, string? token)
    {
        if (string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(token) || memberId.Length > 450 || token.Length > RequiredFieldsFilter.MaxTokenLength
            || memberId.Contains('\0') || token.Contains('\0')) return InvalidLink();
        var user = await users.FindByIdAsync(memberId);
        if (user is null || InvitationRules.CanAccept(user.Status) is not null) return InvalidLink();
        return await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, token) ? user : InvalidLink();
    }

    /// <summary>
    /// Accepts an invitation with a password (local accounts): sets it (Identity's password rules), makes the member
    /// active and changes their security stamp, so the link works once. The caller signs the member in. Problems:
    /// invalid-link, invalid-input (<c>password</c>: the rules; <c>confirmPassword</c>: the two differ), forbidden
    /// (<c>Auth:LocalAccounts</c> is false: members sign in through single sign-on).
    /// </summary>
    public async Task<AppResult<AppUser>> AcceptAsync(string? memberId, string? token, string? password, string? confirmPassword, CancellationToken ct = default)
    {
        if (!auth.Value.LocalAccounts)
            return new AppProblem(ProblemCodes.Forbidden, 403, ProblemText.Get("TitlePasswordsOff"), ProblemText.Get("PasswordsOff"));
        var check = await CheckLinkAsync(memberId, token);
        if (!check.IsOk) return check.Problem!;
        if (PasswordInput.Problem(password, confirmPassword) is { } invalid) return invalid;
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ChangeTracker.Clear(); // read the member again, inside the transaction: a second use of the link (another tab) finds a changed stamp
            var user = await users.FindByIdAsync(memberId!);
            if (user is null || InvitationRules.CanAccept(user.Status) is not null
                || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, token!))
                return InvalidLink();
            user.Status = MemberStatus.Active;
            user.LastSignInAt = clock.GetUtcNow();
            var added = await users.AddPasswordAsync(user, password!); // validates, hashes, new security stamp, one update
            if (!added.Succeeded)
                return added.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) || e.Code == nameof(IdentityErrorDescriber.UserAlreadyHasPassword))
                    ? InvalidLink()
                    : PasswordInput.Invalid("password", added.Errors, identity.Value.Password);
            await tx.CommitAsync(ct);
            logger.LogInformation("Member {MemberId} accepted the invitation.", user.Id);
            return user;
        }
        catch (DbUpdateConcurrencyException)
        {
            return InvalidLink();
        }
        finally
        {
            gate?.Release();
            db.ChangeTracker.Clear(); // a refused password leaves no changed entity behind
        }
    }

    /// <summary>
    /// Creates every invited member with one query for the addresses already taken and one save (members, their roles and
    /// their mail events together), instead of a UserManager.CreateAsync round per member: a CSV import of 1,000 members
    /// is one request. The rules UserManager would apply are applied here: Identity's normalizer and allowed user-name
    /// characters, unique user names and emails (the unique index on the normalized user name decides a race), a new
    /// security stamp; the tokens still come from UserManager and the invitation token provider.
    /// </summary>
    private async Task<AppResult<IReadOnlyList<InvitationSent>>> InviteAllAsync(Actor admin, IReadOnlyList<InvitationRequest> requests, bool many, CancellationToken ct)
    {
        if (!admin.IsAdmin) return AdminOnly();
        var allowed = identity.Value.User.AllowedUserNameCharacters;
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var errors = MemberInput.ValidateInvitation(r.Email, r.Name, r.Role);
            if (!errors.Any && !string.IsNullOrEmpty(allowed) && r.Email!.Trim().Any(c => !allowed.Contains(c)))
                errors.Add("email", new DomainMessage("EmailInvalid", "Give one email address, like name@example.com."));
            if (errors.Any)
                return AppProblem.Invalid(errors.ToMessages().ToDictionary(e => many ? $"[{i}].{e.Key}" : e.Key, e => e.Value));
        }
        if (requests.Count == 0) return Array.Empty<InvitationSent>();

        var emails = requests.Select(r => r.Email!.Trim()).ToList();
        var normalized = emails.Select(e => users.NormalizeEmail(e)!).ToList();
        if (normalized.GroupBy(e => e).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return MemberExists(emails[normalized.IndexOf(twice.Key)]);
        var inviter = await NameOfAsync(admin, ct);
        var now = clock.GetUtcNow();
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var taken = new HashSet<string>();
            foreach (var chunk in normalized.Chunk(500))
                taken.UnionWith(await db.Users.AsNoTracking()
                    .Where(u => chunk.Contains(u.NormalizedEmail!) || chunk.Contains(u.NormalizedUserName!))
                    .Select(u => u.NormalizedEmail ?? u.NormalizedUserName!).ToListAsync(ct));
            if (normalized.FirstOrDefault(taken.Contains) is { } existing) return MemberExists(emails[normalized.IndexOf(existing)]);
            var roleIds = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Member || r.Name == Roles.Admin)
                .ToDictionaryAsync(r => r.Name!, r => r.Id, ct);

            var sent = new List<InvitationSent>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                var r = requests[i];
                var user = new AppUser
                {
                    UserName = emails[i], NormalizedUserName = users.NormalizeName(emails[i]), Email = emails[i], NormalizedEmail = normalized[i],
                    EmailConfirmed = true, DisplayName = MemberInput.DisplayNameFor(emails[i], r.Name), Status = MemberStatus.Invited, InvitedAt = now,
                    SecurityStamp = NewSecurityStamp(), LockoutEnabled = users.SupportsUserLockout && identity.Value.Lockout.AllowedForNewUsers,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[Roles.Member] });
                if (MemberInput.ParseRole(r.Role) == MemberRole.Admin) db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[Roles.Admin] });
                sent.Add(await QueueAsync(user, inviter));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("{Count} member(s) invited.", sent.Count);
            return sent;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return MemberExists(null); // another admin invited the same address at this moment
        }
        finally
        {
            gate?.Release();
            db.ChangeTracker.Clear(); // rolled back or committed: nothing tracked outlives the call
        }
    }

    /// <summary>A new security stamp: 20 random bytes, as Identity makes them (written in hex rather than base32).</summary>
    private static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    /// <summary>
    /// A new invitation token and link for <paramref name="user"/> (whose security stamp is current): queued as mail
    /// (an outbox event, saved with the caller's transaction), or returned when the site sends no email.
    /// </summary>
    private async Task<InvitationSent> QueueAsync(AppUser user, string? inviter)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose);
        var link = links.Invitation(user.Id, token);
        if (!smtp.Value.Enabled) return new InvitationSent(user.Id, user.Email!, link);
        db.AddToOutbox(new AccountMailRequested(user.Id, AccountMailKind.Invitation, AccountMailWriter.Protector(protection).Protect(link), inviter, clock.GetUtcNow()));
        return new InvitationSent(user.Id, user.Email!, null);
    }

    private async Task<string?> NameOfAsync(Actor admin, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == admin.Id.Value).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }

    private static AppProblem AdminOnly() => new(ProblemCodes.AdminOnly, 403, ProblemText.Get("TitleAdminOnly"), ProblemText.Get("RefusalAdminOnly"));

    private static AppProblem MemberExists(string? email) => AppProblem.Conflict(ProblemCodes.MemberExists, ProblemText.Get("TitleMemberExists"),
        email is null ? ProblemText.Get("MemberExistsSomeone") : ProblemText.Get("MemberExists", email));

    /// <summary>The one answer for every bad invitation link.</summary>
    public static AppProblem InvalidLink() => new(ProblemCodes.InvalidLink, 410, ProblemText.Get("TitleInvalidLink"), ProblemText.Get("InvalidInvitationLink"));
}
