using System.Security.Cryptography;
using System.Text;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// An Identity token provider for links sent by mail (invitations, password resets): the token is the creation instant,
/// the member's id, the purpose and the member's security stamp, encrypted and signed with the app's data-protection
/// keys (the key ring every instance shares), written base64url so it travels in a URL unchanged.
/// <para>
/// It is Identity's <see cref="DataProtectorTokenProvider{TUser}"/> design, but reads "now" from the app's
/// <see cref="TimeProvider"/>: in .NET 10 that provider and its <see cref="DataProtectionTokenProviderOptions"/> take
/// no TimeProvider (they read <c>DateTimeOffset.UtcNow</c>), so a test could not move past a link's expiry.
/// A token works once: accepting an invitation or resetting the password changes the security stamp, and so does
/// sending a new invitation.
/// </para>
/// </summary>
public abstract class ClockedTokenProvider(IDataProtectionProvider protection, TimeProvider clock, string name)
    : IUserTwoFactorTokenProvider<AppUser>
{
    private readonly IDataProtector _protector = protection.CreateProtector("MeetingRoom.AccountLinks", name);

    /// <summary>How long a token works.</summary>
    protected abstract TimeSpan Lifetime { get; }

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? "" : "");
        }
        return WebEncoders.Base64UrlEncode(_protector.Protect(buffer.ToArray()));
    }

    /// <summary>True when the token was made for this member and purpose, within <see cref="Lifetime"/>, with the member's current security stamp.</summary>
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        byte[] data;
        try { data = _protector.Unprotect(WebEncoders.Base64UrlDecode(token)); }
        catch (Exception e) when (e is FormatException or CryptographicException) { return false; }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var userId = reader.ReadString();
            var madeFor = reader.ReadString();
            var stamp = reader.ReadString();
            if (reader.BaseStream.Position != reader.BaseStream.Length) return false;
            var now = clock.GetUtcNow();
            if (created + Lifetime < now || created > now.AddMinutes(5)) return false;
            if (!string.Equals(userId, await manager.GetUserIdAsync(user), StringComparison.Ordinal)) return false;
            if (!string.Equals(madeFor, purpose, StringComparison.Ordinal)) return false;
            return !manager.SupportsUserSecurityStamp
                   || string.Equals(stamp, await manager.GetSecurityStampAsync(user) ?? "", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException) { return false; }
    }

    /// <summary>Never a second factor.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
