using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class SlotStatusTests
{
    private static readonly DateTimeOffset Opens = Utc(2026, 11, 22, 1, 0);
    private static readonly DateTimeOffset Closes = Utc(2026, 11, 23, 2, 50);
    private static readonly BookingWindow Window = new(Opens, Closes);
    private static readonly DateTimeOffset Before = Opens - Tick;
    private static readonly DateTimeOffset During = Utc(2026, 11, 23, 1, 30);
    private static readonly DateTimeOffset After = Closes;

    private static SlotStatus StatusAt(DateTimeOffset now, BookingState? booking = null, bool outOfService = false,
        bool endedEarly = false) =>
        SlotStatusRules.StatusOf(now, Window, outOfService, booking, endedEarly);

    [Fact]
    public void Free_slot_before_its_window_is_NotYetOpen()
    {
        Assert.Equal(SlotStatus.NotYetOpen, StatusAt(Before));
    }

    [Fact]
    public void Free_slot_at_its_opening_is_Open()
    {
        Assert.Equal(SlotStatus.Open, StatusAt(Opens));
    }

    [Fact]
    public void Free_slot_in_its_window_is_Open()
    {
        Assert.Equal(SlotStatus.Open, StatusAt(During));
    }

    [Fact]
    public void Confirmed_booking_is_Booked()
    {
        Assert.Equal(SlotStatus.Booked, StatusAt(During, BookingState.Confirmed));
    }

    [Fact]
    public void Pending_booking_is_PendingApproval()
    {
        Assert.Equal(SlotStatus.PendingApproval, StatusAt(During, BookingState.PendingApproval));
    }

    [Fact]
    public void Meeting_in_progress_is_InMeeting()
    {
        Assert.Equal(SlotStatus.InMeeting, StatusAt(During, BookingState.InMeeting));
    }

    [Fact]
    public void Free_slot_after_a_meeting_ended_early_is_FreeAgain()
    {
        Assert.Equal(SlotStatus.FreeAgain, StatusAt(During, endedEarly: true));
    }

    [Fact]
    public void Free_slot_at_its_closing_is_Closed()
    {
        Assert.Equal(SlotStatus.Closed, StatusAt(After));
    }

    [Fact]
    public void Free_slot_in_its_last_tick_is_Open()
    {
        Assert.Equal(SlotStatus.Open, StatusAt(Closes - Tick));
    }

    [Fact]
    public void Room_out_of_service_is_OutOfService()
    {
        Assert.Equal(SlotStatus.OutOfService, StatusAt(During, outOfService: true));
    }

    [Theory]
    [InlineData(BookingState.InMeeting)]
    [InlineData(BookingState.Confirmed)]
    [InlineData(BookingState.PendingApproval)]
    public void Out_of_service_beats_any_booking(BookingState booking)
    {
        Assert.Equal(SlotStatus.OutOfService, StatusAt(During, booking, outOfService: true));
    }

    [Fact]
    public void Out_of_service_beats_Closed()
    {
        Assert.Equal(SlotStatus.OutOfService, StatusAt(After, outOfService: true));
    }

    [Fact]
    public void Out_of_service_beats_NotYetOpen()
    {
        Assert.Equal(SlotStatus.OutOfService, StatusAt(Before, outOfService: true));
    }

    [Fact]
    public void Out_of_service_beats_FreeAgain()
    {
        Assert.Equal(SlotStatus.OutOfService, StatusAt(During, outOfService: true, endedEarly: true));
    }

    [Fact]
    public void Meeting_in_progress_shows_even_after_the_window_closed()
    {
        Assert.Equal(SlotStatus.InMeeting, StatusAt(After + TimeSpan.FromMinutes(20), BookingState.InMeeting));
    }

    [Fact]
    public void Confirmed_booking_past_the_period_end_is_Closed()
    {
        Assert.Equal(SlotStatus.Closed, StatusAt(After, BookingState.Confirmed));
    }

    [Fact]
    public void Pending_booking_past_the_period_end_is_Closed()
    {
        Assert.Equal(SlotStatus.Closed, StatusAt(After, BookingState.PendingApproval));
    }

    [Fact]
    public void Ended_early_slot_is_Closed_once_the_window_closed()
    {
        Assert.Equal(SlotStatus.Closed, StatusAt(After, endedEarly: true));
    }

    [Fact]
    public void Ended_early_slot_booked_again_is_Booked()
    {
        Assert.Equal(SlotStatus.Booked, StatusAt(During, BookingState.Confirmed, endedEarly: true));
    }

    [Fact]
    public void Confirmed_booking_shows_as_Booked_even_before_the_window_opens()
    {
        Assert.Equal(SlotStatus.Booked, StatusAt(Before, BookingState.Confirmed));
    }
}
