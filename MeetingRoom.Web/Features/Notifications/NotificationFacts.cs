using System.Globalization;
using System.Text.Json;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// What a notification tells, without words: the room, the slot (site-local date and period), the admin's reason
/// (free text, shown as written), the minutes left (ending soon), whether a booking from the waitlist still
/// waits for approval and whether the booking was cancelled because its room was removed or its booker deactivated. Stored with the notification (<see cref="Notification.Facts"/>) so that each reader gets it
/// in their own language. A series notice (issue 22) adds the series' title, its rule (<see cref="Rule"/>; <see cref="Date"/> is
/// then the first date concerned) and a count (<see cref="Count"/>: occurrences reserved or cancelled, or no-shows in a row).
/// </summary>
public sealed record NotificationFacts(string Room, DateOnly Date, TimeOnly Start, TimeOnly End,
    string? Reason = null, int? Minutes = null, bool Pending = false, bool RoomRemoved = false, bool MemberDeactivated = false,
    string? SeriesTitle = null, Domain.Series.SeriesRule? Rule = null, int? Count = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static NotificationFacts Of(string room, Slot slot, string? reason = null, int? minutes = null, bool pending = false) =>
        new(room, slot.Date, slot.Period.Start, slot.Period.End, reason, minutes, pending);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The facts stored in <paramref name="json"/>, or null (an old row, or unreadable).</summary>
    public static NotificationFacts? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<NotificationFacts>(json, Json); }
        catch (JsonException) { return null; }
    }
}
