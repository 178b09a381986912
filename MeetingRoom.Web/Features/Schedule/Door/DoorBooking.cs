using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>A held slot later today, as the door lists it ("HH:mm", site-local).</summary>
public sealed record DoorBooking(string Start, string End, SlotStatus State);
