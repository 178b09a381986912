using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>The states of a place on a waitlist.</summary>
public enum WaitlistState
{
    /// <summary>In line for the slot.</summary>
    Waiting,
    /// <summary>The member left the line.</summary>
    Left,
    /// <summary>The member received the booking when the slot freed.</summary>
    Served,
}
