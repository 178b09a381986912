using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>The optional head count of a booking (issue 23, capacity fit): 1 to the room's capacity × 3 (the default room holds 6).</summary>
public class BookingAttendeesTests
{
    private static readonly Slot TheSlot = A.Slot().Build();
    private static readonly BookingWindow Window = new(Utc(2026, 11, 22, 1, 0), Utc(2026, 11, 23, 2, 50));
    private static readonly DateTimeOffset Now = Utc(2026, 11, 22, 9, 30);

    private static BookingResult<Booking> Place(int? attendees, bool outOfService = false) =>
        Booking.Place(outOfService ? A.Room().OutOfService().Build() : A.Room().Build(), TheSlot, Window, People.Booker.Id, "Alice", Now, attendees);

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(18)]
    public void Place_records_attendees_from_one_to_three_times_the_capacity(int attendees)
    {
        var booking = Place(attendees).Value!;

        Assert.Equal(attendees, booking.Attendees);
    }

    [Fact]
    public void Place_without_attendees_records_none()
    {
        Assert.Null(Place(null).Value!.Attendees);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Place_refuses_fewer_than_one_attendee_naming_the_field(int attendees)
    {
        var refusal = Place(attendees).Refusal!;

        Assert.Equal(RefusalReason.InvalidInput, refusal.Reason);
        Assert.Equal("attendees", refusal.Field);
        Assert.Equal("AttendeesTooFew", refusal.Detail!.Key);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(int.MaxValue)]
    public void Place_refuses_more_than_three_times_the_capacity_and_says_the_most(int attendees)
    {
        var refusal = Place(attendees).Refusal!;

        Assert.Equal(RefusalReason.InvalidInput, refusal.Reason);
        Assert.Equal("attendees", refusal.Field);
        Assert.Equal("AttendeesTooMany", refusal.Detail!.Key);
        Assert.Equal(18, refusal.Detail.Args[0]);
        Assert.Contains("18", refusal.Message);
    }

    [Fact]
    public void Bad_attendees_are_refused_before_the_room_state()
    {
        Assert.Equal(RefusalReason.InvalidInput, Place(0, outOfService: true).Refusal!.Reason);
        Assert.Equal(RefusalReason.RoomOutOfService, Place(2, outOfService: true).Refusal!.Reason);
    }

    [Fact]
    public void Place_within_limits_passes_attendees_on()
    {
        var booking = Booking.Place(A.Room().Build(), TheSlot, Window, People.Booker, "Alice", Now, BookingLimits.None, [], attendees: 4).Value!;

        Assert.Equal(4, booking.Attendees);
    }
}
