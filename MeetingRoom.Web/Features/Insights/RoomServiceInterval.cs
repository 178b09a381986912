namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// A time a room was out of service (issue 23: excluded from bookable time): from <see cref="From"/> until
/// <see cref="To"/> (UTC instants; null: still out of service).
/// </summary>
public sealed class RoomServiceInterval
{
    public long Id { get; set; }
    public int RoomId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
}
