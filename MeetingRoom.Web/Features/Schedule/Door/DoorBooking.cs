using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>A held slot later today, as the door lists it ("HH:mm", site-local), with its series' title (issue 22) when it is an occurrence of one.</summary>
public sealed record DoorBooking(string Start, string End, SlotStatus State, string? SeriesTitle = null);
