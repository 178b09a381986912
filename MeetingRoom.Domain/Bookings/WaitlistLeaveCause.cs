namespace MeetingRoom.Domain.Bookings;

/// <summary>Why a place left a waitlist (<see cref="WaitlistLeft.Cause"/>).</summary>
public enum WaitlistLeaveCause
{
    /// <summary>The member (or an admin for them) took the place out of the line.</summary>
    MemberLeft,
    /// <summary>An admin deactivated the member (P1, issue 20).</summary>
    MemberDeactivated,
    /// <summary>An admin deleted the room (R2, issue 25): the member is told that their place is gone.</summary>
    RoomDeleted,
}
