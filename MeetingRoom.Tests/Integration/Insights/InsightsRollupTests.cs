using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Insights.Rollup;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Integration.Insights.InsightsApp;

namespace MeetingRoom.Tests.Integration.Insights;

/// <summary>
/// The insights roll-up (issue 23, <see cref="InsightsRollup"/>): once whole past days are rolled up, the report reads
/// them from the roll-up and gives exactly the figures it computes from the bookings alone
/// (<see cref="InsightsSource.BookingsOnly"/>), after bookings change, across a month boundary and on a DST day; a
/// redelivered message counts nothing twice. Each test on its own floor; SQLite, and PostgreSQL in the PostgreSQL run.
/// </summary>
public sealed class InsightsRollupTests(InsightsApp app) : IClassFixture<InsightsApp>
{
    private long _messageId;

    /// <summary>The report from the roll-up where it answers, and from the bookings only.</summary>
    private async Task<(InsightsReport Rolled, InsightsReport Raw)> ReportsAsync(InsightsFilter filter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<InsightsQuery>();
        var rolled = await query.GetAsync(filter, InsightsSource.RollupWhereComplete, CancellationToken.None);
        var raw = await query.GetAsync(filter, InsightsSource.BookingsOnly, CancellationToken.None);
        Assert.True(rolled.IsOk && raw.IsOk);
        return (rolled.Value!, raw.Value!);
    }

    private static void AssertSameFigures(InsightsReport expected, InsightsReport actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    /// <summary>The days of <paramref name="from"/>..<paramref name="to"/> the roll-up answers for.</summary>
    private async Task<HashSet<DateOnly>> AnsweredAsync(string from, string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await InsightsRollup.CompareDaysAsync(db, DateOnly.Parse(from), DateOnly.Parse(to), CancellationToken.None)).Answered;
    }

    /// <summary>Delivers one outbox message to the handler as the change feed does (apply, save, after commit).</summary>
    private async Task DeliverAsync(long messageId, IDomainEvent domainEvent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<InsightsRollup>();
        await handler.ApplyAsync(db, messageId, domainEvent, CancellationToken.None);
        await db.SaveChangesAsync();
        await handler.AfterCommitAsync(CancellationToken.None);
    }

    private Task RollUpAsync() => InsightsRollup.BackfillAsync(app.Services, CancellationToken.None);

    private static MeetingEnded Ended(Slot slot) => new(Guid.NewGuid(), slot, Booker, true, slot.EndsAt);

    [Fact]
    public async Task The_rollup_gives_the_figures_of_the_bookings_after_they_change()
    {
        var a = await app.RoomAsync("Rollup-A", floor: 21);
        var b = await app.RoomAsync("Rollup-B", floor: 21);
        const string day = "2026-05-11";
        await app.SaveAsync(
            PastBooking.Of(Slot(a, day, "09:00")).Held().WithAttendees(3).Build(),                                    // placed, held
            PastBooking.Of(Slot(a, day, "13:00")).StartedAt(Local(day, "13:00")).EndedAt(Local(day, "13:30")).Build(), // ended early
            PastBooking.Of(Slot(b, day, "01:00")).CancelledAt(Local(day, "00:30")).Build(),                          // cancelled
            PastBooking.Of(Slot(b, day, "09:00")).ReleasedAt(Local(day, "09:10")).Build(),                           // released …
            PastBooking.Of(Slot(b, day, "09:00")).PlacedAt(Local(day, "09:40")).StartedAt(Local(day, "09:45")).EndedAtPeriodEnd().Build()); // … rebooked
        await RollUpAsync();
        var filter = new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), Floor: 21);
        Assert.Contains(DateOnly.Parse(day), await AnsweredAsync(day, day));
        var (rolled, raw) = await ReportsAsync(filter);
        AssertSameFigures(raw, rolled);
        Assert.Equal(2 + 0.5 + 1 + 20 / 60.0, rolled.Utilization.BookedHours, 0.0002);

        // A late change: a booking of that day written afterwards, then its event delivered.
        var late = Slot(a, day, "01:00");
        await app.SaveAsync(PastBooking.Of(late).StartedAt(late.StartsAt).EndedAt(late.StartsAt.AddHours(1)).Build());
        Assert.DoesNotContain(DateOnly.Parse(day), await AnsweredAsync(day, day)); // read from the bookings meanwhile
        (rolled, raw) = await ReportsAsync(filter);
        AssertSameFigures(raw, rolled);

        await DeliverAsync(++_messageId, Ended(late));

        Assert.Contains(DateOnly.Parse(day), await AnsweredAsync(day, day));
        (rolled, raw) = await ReportsAsync(filter);
        AssertSameFigures(raw, rolled);
        Assert.Equal(2 + 0.5 + 1 + 20 / 60.0 + 1, rolled.Utilization.BookedHours, 0.0002);
    }

    [Fact]
    public async Task A_redelivered_message_does_not_count_twice()
    {
        var c = await app.RoomAsync("Rollup-C", floor: 22);
        const string day = "2026-05-12";
        await app.SaveAsync(PastBooking.Of(Slot(c, day, "09:00")).Held().Build());
        await RollUpAsync();
        var slot = Slot(c, day, "13:00");
        await app.SaveAsync(PastBooking.Of(slot).StartedAt(slot.StartsAt).EndedAt(slot.StartsAt.AddMinutes(30)).Build());
        var message = Ended(slot);

        await DeliverAsync(++_messageId, message);
        await DeliverAsync(_messageId, message); // the same message again (a retried pass)

        Assert.Contains(DateOnly.Parse(day), await AnsweredAsync(day, day));
        var (rolled, raw) = await ReportsAsync(new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), Floor: 22));
        AssertSameFigures(raw, rolled);
        Assert.Equal(2.5, rolled.Utilization.BookedHours, 0.0002);
        Assert.Equal(1.0, rolled.CheckInRate);
    }

    [Fact]
    public async Task Days_across_a_month_boundary_come_from_the_rollup_with_the_same_figures()
    {
        var d = await app.RoomAsync("Rollup-D", floor: 23, capacity: 10);
        await app.SaveAsync(
            PastBooking.Of(Slot(d, "2026-04-30", "09:00")).PlacedAt(Local("2026-04-30", "09:00").AddSeconds(20))
                .StartedAt(Local("2026-04-30", "09:00").AddSeconds(30)).EndedAtPeriodEnd().WithAttendees(4).Build(),
            PastBooking.Of(Slot(d, "2026-04-30", "13:00")).ReleasedAt(Local("2026-04-30", "13:10")).Build(),
            PastBooking.Of(Slot(d, "2026-05-01", "09:00")).PlacedAt(Local("2026-05-01", "09:02"))
                .StartedAt(Local("2026-05-01", "09:03")).EndedAtPeriodEnd().WithAttendees(6).Build(),
            PastBooking.Of(Slot(d, "2026-05-01", "13:00")).StartedAt(Local("2026-05-01", "13:05")).EndedAt(Local("2026-05-01", "14:00")).Build());
        await RollUpAsync();

        var answered = await AnsweredAsync("2026-04-29", "2026-05-02");
        Assert.Equal(new[] { DateOnly.Parse("2026-04-30"), DateOnly.Parse("2026-05-01") }, answered.Order().ToArray());
        var (rolled, raw) = await ReportsAsync(new InsightsFilter(DateOnly.Parse("2026-04-29"), DateOnly.Parse("2026-05-02"), RoomId: d));
        AssertSameFigures(raw, rolled);
        var at9 = rolled.OpeningDemand.ByRoomPeriod.Single(r => r.PeriodStart == new TimeOnly(9, 0));
        Assert.Equal(70.0, at9.MedianSecondsToTaken); // 20 s and 120 s
        Assert.Equal(5.0, Assert.Single(rolled.CapacityFit).MedianAttendees);
    }

    [Fact]
    public async Task A_DST_day_from_the_rollup_counts_real_lengths_like_the_bookings()
    {
        var e = await app.RoomAsync("Rollup-E", floor: 24);
        const string day = "2026-03-29"; // Berlin: 02:00 CET → 03:00 CEST; the 01:00–04:00 period lasts 2 h
        var early = Slot(e, day, "01:00");
        await app.SaveAsync(
            PastBooking.Of(early).ReleasedAt(early.StartsAt.AddMinutes(10)).Build(),
            PastBooking.Of(early).PlacedAt(early.StartsAt.AddMinutes(40)).StartedAt(early.StartsAt.AddMinutes(41)).EndedAtPeriodEnd().Build(),
            PastBooking.Of(Slot(e, day, "09:00")).Held().Build());
        await RollUpAsync();

        Assert.Contains(DateOnly.Parse(day), await AnsweredAsync(day, day));
        var (rolled, raw) = await ReportsAsync(new InsightsFilter(DateOnly.Parse(day), DateOnly.Parse(day), RoomId: e));
        AssertSameFigures(raw, rolled);
        Assert.Equal(2 - 40 / 60.0 + 2, Assert.Single(rolled.Utilization.Rooms).BookedHours, 0.0002);
        Assert.Equal(2 - 10 / 60.0, rolled.ReleasedHours, 0.0002);
    }
}
