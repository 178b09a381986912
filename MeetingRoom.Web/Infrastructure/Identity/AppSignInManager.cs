using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// Sign-in without account enumeration: an unknown email, a wrong password, a locked account and an account that may
/// not sign in (invited, deactivated: P1) get the same answer (<see cref="SignInResult.Failed"/>) after the same work
/// (one password hash verification), so neither the answer nor its time tells whether an account exists or what
/// state it is in. A locked or non-active account's password is not checked against the real hash.
/// <para>
/// Only <see cref="MemberStatus.Active"/> members sign in, by any method (<see cref="CanSignInAsync"/>: password,
/// external login / single sign-on, two-factor, passkey), and only they keep a session: the cookie's security stamp
/// validation and Identity's <c>/refresh</c> both go through <see cref="ValidateSecurityStampAsync(ClaimsPrincipal)"/>,
/// which refuses a member who is no longer active even if the stamp still matched.
/// </para>
/// <para>
/// Every successful sign-in of any kind records <see cref="AppUser.LastSignInAt"/> (<see cref="SignInWithClaimsAsync"/>,
/// the point password, bearer <c>/api/auth/login</c>, external login and two-factor sign-ins all pass through) with one
/// UPDATE of that column; renewing an existing session (<see cref="RefreshSignInAsync"/>, a token refresh, the cookie's
/// revalidation) is not a sign-in.
/// </para>
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, DecoyPasswordHash decoy, AppDbContext db, TimeProvider clock)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    private bool _refreshing;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            decoy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        if (user.Status != MemberStatus.Active || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            decoy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        // the attempt that locks it answers like any wrong password; so does any other refusal
        return result.IsLockedOut || result.IsNotAllowed ? SignInResult.Failed : result;
    }

    /// <summary>Only active members sign in (P1): an invited or deactivated member is refused (NotAllowed) by every sign-in method.</summary>
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.Status == MemberStatus.Active && await base.CanSignInAsync(user);

    /// <summary>The account of a principal whose security stamp is still the account's and who is still active; otherwise null.</summary>
    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Status: MemberStatus.Active } ? user : null;
    }

    /// <summary>
    /// Signs in (cookie or bearer token, by <see cref="SignInManager{TUser}.AuthenticationScheme"/>) and records the
    /// instant in <see cref="AppUser.LastSignInAt"/> first (the bearer handler writes its answer while signing in). A
    /// member who is not active is never signed in, whoever calls (defence in depth behind <see cref="CanSignInAsync"/>).
    /// </summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (user.Status != MemberStatus.Active)
        {
            Logger.LogWarning("Refused to sign in account {UserId}: its status is {Status}.", user.Id, user.Status);
            return;
        }
        if (!_refreshing) await RecordSignInAsync(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    /// <summary>Re-issues the current cookie (after a profile change): not a sign-in, so <see cref="AppUser.LastSignInAt"/> stays.</summary>
    public override async Task RefreshSignInAsync(AppUser user)
    {
        _refreshing = true;
        try { await base.RefreshSignInAsync(user); }
        finally { _refreshing = false; }
    }

    /// <summary>One UPDATE of the column (no user validation, no new concurrency stamp); the loaded account follows.</summary>
    private async Task RecordSignInAsync(AppUser user)
    {
        var now = clock.GetUtcNow();
        var gate = db.WriteGate();
        if (gate is not null) await gate.WaitAsync();
        try
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        }
        finally { gate?.Release(); }
        var entry = db.Entry(user);
        if (entry.State == EntityState.Detached) user.LastSignInAt = now;
        else entry.Property(u => u.LastSignInAt).CurrentValue = entry.Property(u => u.LastSignInAt).OriginalValue = now;
    }
}
