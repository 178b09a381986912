using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Insights;
using static MeetingRoom.Tests.Integration.Insights.InsightsApp;

namespace MeetingRoom.Tests.Integration.Insights;

/// <summary>
/// The figures of <see cref="InsightsQuery"/> (issue 23) on small hand-made data sets with known answers, each on its
/// own floor (SQLite, and PostgreSQL in the PostgreSQL run). Periods: 01:00–04:00 (3 h), 09:00–11:00, 13:00–15:00
/// (2 h each) in Europe/Berlin: 7 bookable hours per room and day.
/// </summary>
public sealed class InsightsQueryTests(InsightsApp app) : IClassFixture<InsightsApp>
{
    private const double Tolerance = 0.0002;

    [Fact]
    public async Task Utilization_excludes_out_of_service_hours_and_counts_the_time_bookings_held()
    {
        var a = await app.RoomAsync("Util-A", floor: 11);
        var b = await app.RoomAsync("Util-B", floor: 11);
        const string day = "2026-05-04"; // a Monday
        await app.SaveAsync(
            // Out of service 09:30–10:30: an hour off B's 09:00 period.
            new RoomServiceInterval { RoomId = b, From = Local(day, "09:30"), To = Local(day, "10:30") },
            PastBooking.Of(Slot(a, day, "09:00")).Held().Build(),                                           // 2 h
            PastBooking.Of(Slot(a, day, "13:00")).StartedAt(Local(day, "13:00")).EndedAt(Local(day, "13:30")).Build(), // ended early: 0.5 h
            PastBooking.Of(Slot(b, day, "13:00")).Held().Build(),                                           // 2 h
            PastBooking.Of(Slot(b, day, "01:00")).CancelledAt(Local(day, "00:30")).Build());                // cancelled: none

        var report = await app.ReportAsync(new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), Floor: 11));

        var roomA = report.Utilization.Rooms.Single(r => r.RoomId == a);
        var roomB = report.Utilization.Rooms.Single(r => r.RoomId == b);
        Assert.Equal(2.5, roomA.BookedHours, Tolerance);
        Assert.Equal(7, roomA.BookableHours, Tolerance);
        Assert.Equal(2.0, roomB.BookedHours, Tolerance);
        Assert.Equal(6, roomB.BookableHours, Tolerance);
        Assert.Equal(2.0 / 6, roomB.Rate!.Value, Tolerance);
        Assert.Equal(4.5, report.Utilization.BookedHours, Tolerance);
        Assert.Equal(13, report.Utilization.BookableHours, Tolerance);
        Assert.Equal(4.5 / 13, report.Utilization.Rate!.Value, Tolerance);
        var floor = Assert.Single(report.Utilization.Floors);
        Assert.Equal((11, 4.5, 13.0), (floor.Floor, floor.BookedHours, floor.BookableHours));

        var monday9 = report.Heatmap.Single(c => c.Weekday == 1 && c.PeriodStart == new TimeOnly(9, 0));
        Assert.Equal((2.0, 3.0), (monday9.BookedHours, monday9.BookableHours));
        var monday13 = report.Heatmap.Single(c => c.Weekday == 1 && c.PeriodStart == new TimeOnly(13, 0));
        Assert.Equal(2.5 / 4, monday13.Rate!.Value, Tolerance);
        Assert.Equal(0, report.Heatmap.Single(c => c.Weekday == 1 && c.PeriodStart == new TimeOnly(1, 0)).Rate);
        Assert.Null(report.Heatmap.Single(c => c.Weekday == 2 && c.PeriodStart == new TimeOnly(9, 0)).Rate); // no Tuesday in range
        Assert.Equal(1.0, report.CheckInRate); // three bookings reached their period, all checked in
        Assert.Equal(0.0, report.NoShowRate);
    }

    [Fact]
    public async Task Released_hours_count_the_freed_time_and_rebooked_hours_the_part_booked_again()
    {
        var c = await app.RoomAsync("Release-C", floor: 12);
        const string day = "2026-05-05";
        await app.SaveAsync(
            PastBooking.Of(Slot(c, day, "09:00")).ReleasedAt(Local(day, "09:10")).Build(),                 // frees 1 h 50
            PastBooking.Of(Slot(c, day, "09:00")).PlacedAt(Local(day, "09:40"))                            // held 09:40–11:00
                .StartedAt(Local(day, "09:45")).EndedAtPeriodEnd().Build(),
            PastBooking.Of(Slot(c, day, "13:00")).ReleasedAt(Local(day, "13:10")).Build());                // frees 1 h 50, not rebooked

        var report = await app.ReportAsync(new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), Floor: 12));

        Assert.Equal(2 * (1 + 50 / 60.0), report.ReleasedHours, Tolerance);
        Assert.Equal(1 + 20 / 60.0, report.RebookedHours, Tolerance);
        var room = Assert.Single(report.Utilization.Rooms);
        Assert.Equal(1 + 20 / 60.0, room.BookedHours, Tolerance); // a no-show holds no booked time
        Assert.Equal(1.0 / 3, report.CheckInRate!.Value, Tolerance);
        Assert.Equal(2.0 / 3, report.NoShowRate!.Value, Tolerance);
    }

    [Fact]
    public async Task A_period_across_the_spring_DST_change_counts_its_real_length()
    {
        var d = await app.RoomAsync("Dst-D", floor: 13);
        const string day = "2026-03-29"; // Sunday: Berlin goes from 02:00 CET to 03:00 CEST
        await app.SaveAsync(PastBooking.Of(Slot(d, day, "01:00")).Held().Build());

        var report = await app.ReportAsync(new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), RoomId: d));

        var room = Assert.Single(report.Utilization.Rooms);
        Assert.Equal(2, room.BookedHours, Tolerance);    // 01:00 CET – 04:00 CEST is 2 hours
        Assert.Equal(6, room.BookableHours, Tolerance);  // 2 + 2 + 2
        var sunday1 = report.Heatmap.Single(c => c.Weekday == 7 && c.PeriodStart == new TimeOnly(1, 0));
        Assert.Equal((2.0, 2.0, 1.0), (sunday1.BookedHours, sunday1.BookableHours, sunday1.Rate));
    }

    [Fact]
    public async Task Opening_demand_counts_attempts_winners_losers_waitlist_and_time_to_taken()
    {
        var e = await app.RoomAsync("Demand-E", floor: 14, capacity: 10);
        const string day = "2026-05-06";
        var nine = Slot(e, day, "09:00");
        var room = Room.Register("e", 14, 10, [], false, Now);
        var window = new BookingWindow(nine.StartsAt, nine.EndsAt);
        WaitlistEntry Wait(string who) => WaitlistEntry.Join(room, nine, window, InsightsApp.Booker, Actor.Member(who), who,
            nine.StartsAt.AddMinutes(1), BookingLimits.Default, []).Value!;
        await app.SaveAsync(
            PastBooking.Of(nine).PlacedAt(nine.StartsAt.AddSeconds(20)).StartedAt(nine.StartsAt.AddSeconds(30)).EndedAtPeriodEnd().WithAttendees(4).Build(),
            PastBooking.Of(Slot(e, day, "13:00")).PlacedAt(Local(day, "13:05")).StartedAt(Local(day, "13:06")).EndedAtPeriodEnd()
                .WithAttendees(6).Build(),
            PastBooking.Of(Slot(e, day, "13:00")).PlacedAt(Local(day, "13:02")).CancelledAt(Local(day, "13:03")).WithAttendees(10).Build(), // took the slot first
            new OpeningDemandRow { Date = DateOnly.Parse(day), RoomId = e, PeriodStart = new TimeOnly(9, 0), Attempts = 5, Refused = 4 },
            Wait("w1"), Wait("w2"));

        var report = await app.ReportAsync(new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), RoomId: e));

        var at9 = report.OpeningDemand.ByRoomPeriod.Single(r => r.PeriodStart == new TimeOnly(9, 0));
        Assert.Equal((1, 5L, 1L, 4L, 2L, 20.0), (at9.Openings, at9.Attempts, at9.Winners, at9.Losers, at9.WaitlistJoins, at9.MedianSecondsToTaken));
        var at13 = report.OpeningDemand.ByRoomPeriod.Single(r => r.PeriodStart == new TimeOnly(13, 0));
        Assert.Equal((1, 0L, 0L, 120.0), (at13.Openings, at13.Winners, at13.WaitlistJoins, at13.MedianSecondsToTaken));
        var at1 = report.OpeningDemand.ByRoomPeriod.Single(r => r.PeriodStart == new TimeOnly(1, 0));
        Assert.Null(at1.MedianSecondsToTaken);

        Assert.Equal(3, report.OpeningDemand.Openings.Count);
        var fill9 = report.OpeningDemand.Openings.Single(o => o.OpensAt == nine.StartsAt);
        Assert.Equal((1, 1, 20.0), (fill9.Slots, fill9.Taken, fill9.SecondsUntilLastTaken));
        var fill1 = report.OpeningDemand.Openings.Single(o => o.OpensAt == Local(day, "01:00"));
        Assert.Equal((1, 0, (double?)null), (fill1.Slots, fill1.Taken, fill1.SecondsUntilLastTaken));
        Assert.Equal(TimeSpan.FromHours(2), fill9.OpensAt.Offset); // shown with the site's offset (CEST)

        var fit = Assert.Single(report.CapacityFit);
        Assert.Equal((10, 2, 5.0, 0.5), (fit.Capacity, fit.BookingsWithAttendees, fit.MedianAttendees, fit.Fit)); // the cancelled one is not counted
    }

    [Fact]
    public async Task An_empty_range_has_null_rates_not_zeros()
    {
        var f = await app.RoomAsync("Empty-F", floor: 16);
        var report = await app.ReportAsync(new InsightsFilter(DateOnly.Parse("2026-07-01"), DateOnly.Parse("2026-07-02"), RoomId: f)); // after now

        Assert.True(report.IsEmpty);
        Assert.Null(report.Utilization.Rate);
        Assert.Null(report.CheckInRate);
        Assert.Null(report.NoShowRate);
        Assert.All(report.Heatmap, c => Assert.Null(c.Rate));
        Assert.Null(Assert.Single(report.CapacityFit).MedianAttendees);
    }
}
