using MeetingRoom.Domain.Bookings;

namespace MeetingRoom.Tests.Domain;

public class BookingStatesTests
{
    [Fact]
    public void Active_states_are_pending_confirmed_and_in_meeting()
    {
        Assert.Equal([BookingState.PendingApproval, BookingState.Confirmed, BookingState.InMeeting], BookingStates.Active);
    }

    [Theory]
    [InlineData(BookingState.PendingApproval, true)]
    [InlineData(BookingState.Confirmed, true)]
    [InlineData(BookingState.InMeeting, true)]
    [InlineData(BookingState.Ended, false)]
    [InlineData(BookingState.Cancelled, false)]
    [InlineData(BookingState.Released, false)]
    public void IsActive_tells_whether_the_state_holds_the_slot(BookingState state, bool active)
    {
        Assert.Equal(active, state.IsActive());
    }
}
