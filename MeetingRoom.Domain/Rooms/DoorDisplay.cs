using MeetingRoom.Domain.Common;
using System.Security.Cryptography;
using System.Text;

namespace MeetingRoom.Domain.Rooms;

/// <summary>
/// A display at a room's door (D1): a tablet that shows the room's state without anyone signing in. It is
/// reached by a secret URL (<c>/door/{token}</c>); only a hash of the token is stored, so the database alone
/// cannot open a door display. An admin revokes it, after which the token shows nothing.
/// </summary>
public sealed class DoorDisplay : AggregateRoot
{
    /// <summary>Random bytes in a token (URL-safe base64: 32 characters).</summary>
    public const int TokenBytes = 24;

    public int Id { get; private set; }
    public int RoomId { get; private set; }

    /// <summary>SHA-256 of the token, lower-case hex (<see cref="HashOf"/>).</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    private DoorDisplay() { }

    /// <summary>A new door display of <paramref name="roomId"/> and its token (given out once, never stored).</summary>
    public static (DoorDisplay Display, string Token) Create(int roomId, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (new DoorDisplay { RoomId = roomId, TokenHash = HashOf(token), CreatedAt = now }, token);
    }

    /// <summary>
    /// Revokes the display: its token stops working, and an open door page learns it from the change feed
    /// (<see cref="DoorDisplayRevoked"/>, raised once). Revoking again keeps the first instant and raises nothing.
    /// </summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        Raise(new DoorDisplayRevoked(Id, RoomId, now));
    }

    /// <summary>The stored form of a token.</summary>
    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> has the shape of a token (checked before any lookup).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: > 0 and <= 64 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
