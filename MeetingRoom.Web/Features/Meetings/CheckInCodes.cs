using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace MeetingRoom.Web.Features.Meetings;

/// <summary>The slot a check-in code was made for (site-local date and period start).</summary>
public sealed record CheckInSlot(int RoomId, DateOnly Date, TimeOnly Start);

/// <summary>
/// The short-lived codes a door display shows as a QR code (D2): a slot and the minute it was made, signed and
/// encrypted with data protection (the key ring every instance shares). A code is accepted in the minute it was
/// made and the next one, by the injected clock, so it rotates every minute: a photo of yesterday's code, or one
/// sent to a colleague at home, checks nobody in. Whether the slot may be started now is still the domain's rule
/// (<c>Booking.Start</c>: the booker only, within the check-in window).
/// </summary>
public sealed class CheckInCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MeetingRoom.CheckInCode.v1");

    /// <summary>How long a code is accepted: the minute it was made and the one after.</summary>
    public const int AcceptedMinutes = 2;

    /// <summary>The code of <paramref name="slot"/> for the current minute (URL-safe).</summary>
    public string For(CheckInSlot slot)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{slot.RoomId}|{slot.Date:yyyy-MM-dd}|{slot.Start:HH\\:mm}|{MinuteOf(clock.GetUtcNow())}");
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The slot of a code made this minute or the previous one; null when it is forged, garbled or expired.</summary>
    public CheckInSlot? Read(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 512) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(code)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException) { return null; }
        var parts = text.Split('|');
        if (parts.Length != 4 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var room) ||
            !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            !TimeOnly.TryParseExact(parts[2], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
            !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
            return null;
        var age = MinuteOf(clock.GetUtcNow()) - minute;
        return age is >= 0 and < AcceptedMinutes ? new CheckInSlot(room, date, start) : null;
    }

    /// <summary>Whole minutes since the Unix epoch.</summary>
    public static long MinuteOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 60;
}
