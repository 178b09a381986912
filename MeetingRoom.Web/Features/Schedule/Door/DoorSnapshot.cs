namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>
/// What a door display reads once, and again only on a new site-local day or a change it cannot apply by itself (its room
/// renamed, deleted, taken out of service or back): today's schedule of its room (<paramref name="Day"/>, one room), the
/// out-of-service reason, when each booking shown was made (<paramref name="BookedAt"/>, UTC: the no-show deadline counts from
/// the later of the period's start and the booking), the no-show rule (<paramref name="NoShowAfter"/>, null = never) and
/// how early a booking may be started (<paramref name="StartGrace"/>). Pushed changes are laid over it in memory.
/// </summary>
public sealed record DoorSnapshot(ScheduleDto Day, string? OutOfServiceReason, IReadOnlyDictionary<Guid, DateTimeOffset> BookedAt,
    TimeSpan? NoShowAfter, TimeSpan StartGrace)
{
    /// <summary>The room's row of <see cref="Day"/>.</summary>
    public ScheduleRoomDto Room => Day.Rooms[0];
}
