using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Domain.BookingAssert;

namespace MeetingRoom.Tests.Domain;

/// <summary>Issue 15 #4: the no-show clock of a booking made after its period started starts at the booking instant.</summary>
public sealed class LateBookingNoShowTests
{
    private static readonly TimeSpan NoShow = TimeSpan.FromMinutes(10);
    private static readonly Slot Slot = A.Slot().Build(); // 01:00Z–02:50Z
    private static readonly DateTimeOffset BookedAt = Slot.StartsAt + TimeSpan.FromMinutes(20);

    private static Booking BookedLate()
    {
        var booking = Booking.Place(A.Room().Build(), Slot, new BookingWindow(Slot.StartsAt, Slot.EndsAt), People.Booker.Id, "Alice", BookedAt).Value!;
        booking.ClearDomainEvents();
        return booking;
    }

    [Fact]
    public void A_booking_made_after_the_period_started_is_not_released_before_the_no_show_time_has_passed_since_it_was_made()
    {
        var refusal = Refused(BookedLate(), b => b.Release(BookedAt + NoShow - Instants.Tick, NoShow), RefusalReason.NotOpenYet);

        Assert.Equal(BookedAt + NoShow, refusal.OpensAt);
    }

    [Fact]
    public void A_booking_made_after_the_period_started_is_released_the_no_show_time_after_it_was_made()
    {
        var booking = BookedLate();

        Assert.True(booking.Release(BookedAt + NoShow, NoShow).IsOk);
    }
}

/// <summary>Issue 15 #2: the timetable cannot change under active bookings.</summary>
public sealed class TimetableChangeTests
{
    private static readonly DateTimeOffset Now = Instants.Utc(2026, 11, 23, 0, 0);

    private static Timetable With(params string[] periods) =>
        Timetable.Create(Timetable.DefaultTimeZoneId, periods.Select(p => Period.Parse(p[..5], p[6..])));

    [Fact]
    public void Moving_the_period_of_an_active_booking_is_refused_naming_the_booking()
    {
        var booking = A.Booking().InMeeting().Build(); // 10:00–11:50

        var result = Booking.CheckTimetableChange(With("08:00-09:50", "10:10-11:20"), [booking], Now);

        Assert.Equal(RefusalReason.TimetableInUse, result.Refusal?.Reason);
        Assert.Equal([booking.Id], result.Refusal!.Bookings);
    }

    [Fact]
    public void Moving_the_site_to_another_time_zone_under_an_active_booking_is_refused()
    {
        var booking = A.Booking().Confirmed().Build();

        var result = Booking.CheckTimetableChange(Timetable.Create("Europe/Berlin", Timetable.DefaultPeriods), [booking], Now);

        Assert.Equal(RefusalReason.TimetableInUse, result.Refusal?.Reason);
    }

    [Fact]
    public void Changing_other_periods_keeps_an_active_booking_whose_period_stays()
    {
        var booking = A.Booking().Pending().Build();

        Assert.True(Booking.CheckTimetableChange(With("07:00-09:00", "10:00-11:50"), [booking], Now).IsOk);
    }

    [Fact]
    public void A_booking_that_is_no_longer_active_does_not_hold_the_timetable()
    {
        var booking = A.Booking().Cancelled().Build();

        Assert.True(Booking.CheckTimetableChange(With("12:00-13:00"), [booking], Now).IsOk);
    }
}

/// <summary>Issue 15 #3, #6, #10: bounded quantities, bounded text, no control characters.</summary>
public sealed class TextAndQuantityRuleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(EquipmentItem.MaxQuantity + 1)]
    [InlineData(int.MaxValue)]
    public void An_equipment_quantity_outside_one_to_the_maximum_is_refused(int quantity)
    {
        var e = Assert.Throws<DomainValidationException>(() => new EquipmentItem("Projector", quantity));
        Assert.Contains("equipment", e.Errors.Keys);
    }

    [Theory]
    [InlineData("Room\0A")]
    [InlineData("Room\aA")]
    [InlineData("Room\u001bA")]
    [InlineData("Room\nA")]
    public void A_room_name_with_a_control_character_is_refused(string name)
    {
        var errors = Room.Validate(name, 1, 4, []);
        Assert.Contains("name", errors.ToDictionary().Keys);
    }

    [Fact]
    public void An_equipment_name_with_a_control_character_is_refused()
    {
        Assert.Throws<DomainValidationException>(() => new EquipmentItem("Pro\u001bjector"));
    }

    [Fact]
    public void More_kinds_of_equipment_than_the_maximum_are_refused()
    {
        var equipment = Enumerable.Range(0, Room.MaxEquipmentKinds + 1).Select(i => new EquipmentItem($"Kind {i}")).ToList();
        Assert.Contains("equipment", Room.Validate("Room", 1, 4, equipment).ToDictionary().Keys);
    }

    [Fact]
    public void An_out_of_service_reason_longer_than_the_limit_is_refused()
    {
        var room = A.Room().Build();
        var e = Assert.Throws<DomainValidationException>(() => room.TakeOutOfService(new string('x', TextRules.MaxReasonLength + 1), Instants.Utc(2026, 11, 23, 0, 0)));
        Assert.Contains("reason", e.Errors.Keys);
    }

    [Fact]
    public void A_cancellation_reason_with_a_control_character_is_refused_naming_the_reason()
    {
        var refusal = Refused(A.Booking().Confirmed().Build(), b => b.Cancel(People.Booker, "gone\0", Instants.Utc(2026, 11, 23, 0, 0)), RefusalReason.InvalidInput);
        Assert.Equal("reason", refusal.Field);
    }

    [Fact]
    public void A_denial_reason_longer_than_the_limit_is_refused_naming_the_reason()
    {
        var refusal = Refused(A.Booking().Pending().Build(), b => b.Deny(People.Admin, new string('x', TextRules.MaxReasonLength + 1), Instants.Utc(2026, 11, 23, 0, 0)), RefusalReason.InvalidInput);
        Assert.Equal("reason", refusal.Field);
    }

    [Fact]
    public void A_reason_may_have_line_breaks()
    {
        Assert.Null(TextRules.Problem("Leak.\r\nCeiling\twet.", TextRules.MaxReasonLength, multiline: true));
    }
}
