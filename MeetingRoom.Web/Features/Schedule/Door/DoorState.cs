namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>What a door display says about its room now.</summary>
public enum DoorState
{
    /// <summary>Nobody holds the room now: free until <see cref="DoorView.Until"/>, or for the rest of the day.</summary>
    Free,
    /// <summary>Booked now (or about to start): starts at <see cref="DoorView.Starts"/>, check in by <see cref="DoorView.CheckInBy"/>.</summary>
    Booked,
    /// <summary>A meeting is in progress until <see cref="DoorView.Until"/>.</summary>
    InMeeting,
    /// <summary>The room is out of service.</summary>
    OutOfService,
}
