using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

/// <summary>F1: the booking limits per member, and the limit places a new booking takes.</summary>
public class BookingLimitsTests
{
    // The default slot: 2026-11-23 10:00–11:50 in Seoul (01:00Z–02:50Z); "now" is the evening before.
    private static readonly DateTimeOffset Now = Utc(2026, 11, 22, 9, 30);
    private static readonly Slot TheSlot = A.Slot().Build();
    private static readonly Slot LaterSameDay = A.Slot().StartingAt(13, 0).Build();
    private static readonly Slot EvenLaterSameDay = A.Slot().StartingAt(15, 0).Build();
    private static readonly Slot NextDay = A.Slot().On(2026, 11, 24).Build();
    private static readonly Slot DayAfter = A.Slot().On(2026, 11, 25).Build();

    private static BookingResult<LimitClaims> Claim(BookingLimits limits, params HeldBooking[] held) =>
        limits.Claim(People.Booker, TheSlot, held, Now);

    private static BookingRefusal Refused(BookingResult<LimitClaims> result)
    {
        Assert.False(result.IsOk, "the booking should have been refused");
        Assert.Equal(RefusalReason.MemberLimit, result.Refusal!.Reason);
        return result.Refusal;
    }

    [Fact]
    public void A_first_booking_takes_the_first_place_of_every_limit()
    {
        Assert.Equal(new LimitClaims(1, 1, 1), Claim(BookingLimits.Default).Value);
    }

    [Fact]
    public void The_defaults_are_one_per_period_two_per_day_ten_upcoming_and_admins_not_exempt()
    {
        Assert.Equal(BookingLimits.Create(1, 2, 10, adminsExempt: false), BookingLimits.Default);
    }

    [Fact]
    public void A_second_booking_in_the_same_period_is_refused_naming_the_limit_and_the_booking_holding_it()
    {
        var other = A.Held().Of(TheSlot with { RoomId = 2 }).Build();

        var refusal = Refused(Claim(BookingLimits.Default, other));

        Assert.Equal(LimitKind.PerPeriod, refusal.Limit);
        Assert.Equal(1, refusal.LimitValue);
        Assert.Equal([other.BookingId], refusal.Bookings);
    }

    [Fact]
    public void A_booking_in_another_period_of_the_same_day_takes_the_next_day_and_upcoming_places()
    {
        var morning = A.Held().Of(LaterSameDay).Build();

        Assert.Equal(new LimitClaims(1, 2, 2), Claim(BookingLimits.Default, morning).Value);
    }

    [Fact]
    public void A_third_booking_on_one_day_is_refused_per_day()
    {
        var refusal = Refused(Claim(BookingLimits.Default,
            A.Held().Of(LaterSameDay).Holding(1, 1, 1).Build(), A.Held().Of(EvenLaterSameDay).Holding(1, 2, 2).Build()));

        Assert.Equal(LimitKind.PerDay, refusal.Limit);
        Assert.Equal(2, refusal.Bookings!.Count);
    }

    [Fact]
    public void The_upcoming_limit_counts_bookings_on_every_date()
    {
        var limits = BookingLimits.Create(1, 2, 2);

        var refusal = Refused(Claim(limits, A.Held().Of(NextDay).Holding(1, 1, 1).Build(), A.Held().Of(DayAfter).Holding(1, 1, 2).Build()));

        Assert.Equal(LimitKind.Upcoming, refusal.Limit);
    }

    [Fact]
    public void A_booking_whose_period_is_over_does_not_count_as_upcoming()
    {
        var yesterday = A.Held().Of(A.Slot().On(2026, 11, 21).Build()).Holding(1, 1, null).Build();

        Assert.True(BookingLimits.Create(0, 0, 1).Claim(People.Booker, TheSlot, [yesterday], Now).IsOk);
    }

    [Fact]
    public void A_limit_of_zero_takes_no_place_and_never_refuses()
    {
        var result = Claim(BookingLimits.None, A.Held().Of(TheSlot with { RoomId = 2 }).Build());

        Assert.Equal(LimitClaims.None, result.Value);
    }

    [Fact]
    public void An_admin_is_held_to_the_limits_by_default()
    {
        var result = BookingLimits.Default.Claim(People.Admin, TheSlot, [A.Held().Of(TheSlot with { RoomId = 2 }).Build()], Now);

        Assert.Equal(RefusalReason.MemberLimit, result.Refusal?.Reason);
    }

    [Fact]
    public void An_admin_takes_no_place_when_admins_are_exempt()
    {
        var result = BookingLimits.Create(1, 2, 10, adminsExempt: true)
            .Claim(People.Admin, TheSlot, [A.Held().Of(TheSlot with { RoomId = 2 }).Build()], Now);

        Assert.Equal(LimitClaims.None, result.Value);
    }

    [Fact]
    public void A_member_is_not_exempt_when_admins_are()
    {
        var result = BookingLimits.Create(1, 2, 10, adminsExempt: true)
            .Claim(People.Booker, TheSlot, [A.Held().Of(TheSlot with { RoomId = 2 }).Build()], Now);

        Assert.False(result.IsOk);
    }

    [Fact]
    public void A_place_given_back_is_taken_again_first()
    {
        var limits = BookingLimits.Create(2, 3, 10);

        Assert.Equal(new LimitClaims(1, 1, 1), Claim(limits, A.Held().Of(TheSlot with { RoomId = 2 }).Holding(2, 2, 2).Build()).Value);
    }

    [Fact]
    public void Bookings_made_while_a_limit_was_off_count_once_it_is_on()
    {
        var refusal = Refused(Claim(BookingLimits.Create(0, 1, 0), A.Held().Of(LaterSameDay).WithoutPlaces().Build()));

        Assert.Equal(LimitKind.PerDay, refusal.Limit);
    }

    [Fact]
    public void An_ended_booking_still_holding_the_only_upcoming_place_refuses_rather_than_book_without_a_place()
    {
        var ended = A.Held().Of(A.Slot().On(2026, 11, 21).Build()).Holding(null, null, 1).Build();

        Assert.False(BookingLimits.Create(0, 0, 1).Claim(People.Booker, TheSlot, [ended], Now).IsOk);
    }

    [Fact]
    public void Places_of_bookings_whose_period_is_over_are_listed_to_be_given_back()
    {
        var ended = A.Held().Of(A.Slot().On(2026, 11, 21).Build()).Build();
        var ahead = A.Held().Of(NextDay).Build();

        Assert.Equal([ended.BookingId], BookingLimits.StaleUpcomingClaims([ended, ahead], Now));
    }

    [Theory]
    [InlineData(-1, 2, 10, "maxPerPeriod")]
    [InlineData(1, 1001, 10, "maxPerDay")]
    [InlineData(1, 2, -5, "maxUpcoming")]
    public void A_limit_outside_zero_to_a_thousand_is_invalid(int perPeriod, int perDay, int upcoming, string field)
    {
        var e = Assert.Throws<DomainValidationException>(() => BookingLimits.Create(perPeriod, perDay, upcoming));

        Assert.Equal([field], e.Errors.Keys);
    }

    [Fact]
    public void A_booking_placed_within_the_limits_records_its_places()
    {
        var booking = Booking.Place(A.Room().Build(), TheSlot, new BookingWindow(Now, TheSlot.EndsAt), People.Booker, "Alice", Now,
            BookingLimits.Default, [A.Held().Of(LaterSameDay).Build()]).Value!;

        Assert.Equal((1, 2, 2), (booking.PeriodClaim, booking.DayClaim, booking.UpcomingClaim));
    }

    [Fact]
    public void A_booking_over_a_limit_is_not_placed()
    {
        var result = Booking.Place(A.Room().Build(), TheSlot, new BookingWindow(Now, TheSlot.EndsAt), People.Booker, "Alice", Now,
            BookingLimits.Default, [A.Held().Of(TheSlot with { RoomId = 2 }).Build()]);

        Assert.Null(result.Value);
        Assert.Equal(RefusalReason.MemberLimit, result.Refusal?.Reason);
    }

    [Fact]
    public void The_window_is_checked_before_the_limits()
    {
        var result = Booking.Place(A.Room().Build(), TheSlot, new BookingWindow(Now.AddHours(1), TheSlot.EndsAt), People.Booker, "Alice", Now,
            BookingLimits.Default, [A.Held().Of(TheSlot with { RoomId = 2 }).Build()]);

        Assert.Equal(RefusalReason.NotOpenYet, result.Refusal?.Reason);
    }
}
