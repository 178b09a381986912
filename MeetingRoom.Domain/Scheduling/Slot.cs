namespace MeetingRoom.Domain.Scheduling;

/// <summary>
/// One room on one site-local date in one period: the unit that is booked.
/// <see cref="StartsAt"/> and <see cref="EndsAt"/> are the period's UTC instants on that date.
/// </summary>
public sealed record Slot(int RoomId, DateOnly Date, Period Period, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool IsOverAt(DateTimeOffset now) => now >= EndsAt;

    public override string ToString() => $"room {RoomId}, {Date:yyyy-MM-dd} {Period}";
}
