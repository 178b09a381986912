using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// What a personal API token looks like (P1): <c>mrt_</c> followed by 32 random bytes in base64url (43 characters),
/// 47 characters in all. The prefix lets the bearer path tell it from an access token, and lets secret scanners find
/// a leaked one. Only its SHA-256 (lower-case hex, <see cref="ApiToken.HashLength"/> characters) is stored.
/// </summary>
public static class ApiTokenFormat
{
    public const string Prefix = "mrt_";
    public const int RandomBytes = 32;
    /// <summary>Length of a token: the prefix and 43 base64url characters.</summary>
    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    /// <summary>A new token (shown once) and its stored hash.</summary>
    public static (string Token, string Hash) Create()
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        return (token, HashOf(token));
    }

    /// <summary>The stored form of a token.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> has the shape of a token (checked before any lookup).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is not null && token.Length == Length && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;
}
