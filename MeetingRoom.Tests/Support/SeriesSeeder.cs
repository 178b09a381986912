using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Series;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// Series (issue 22) written straight through the domain and the transactional outbox (the rows and their events in one save),
/// as the series service does: for the tests of what a series shows (the schedule, the calendar, the notices) without depending
/// on the service. An occurrence whose slot is already held is skipped, as saving with skipConflicts does.
/// </summary>
public static class SeriesSeeder
{
    /// <summary>The member id of a signed-in client (by its email).</summary>
    public static async Task<string> IdOfAsync(this MeetingRoomFactory app, ApiClient client)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Makes a series of <paramref name="roomId"/>'s period starting at <paramref name="start"/> for <paramref name="bookerId"/> and books its free dates.</summary>
    public static async Task<BookingSeries> SeedSeriesAsync(this MeetingRoomFactory app, int roomId, string bookerId, string adminId, DateOnly firstDate,
        SeriesRule rule, string title = "Team sync", string start = "10:00")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var site = await scope.ServiceProvider.GetRequiredService<SiteRulesProvider>().GetAsync();
        var now = app.Clock.GetUtcNow();
        var room = await db.Rooms.SingleAsync(r => r.Id == roomId);
        var bookerName = await db.Users.Where(u => u.Id == bookerId).Select(u => u.DisplayName).SingleAsync();
        var period = site.Timetable.FindPeriod(TimeOnly.Parse(start))!;
        var series = BookingSeries.Create(Actor.Admin(adminId), roomId, period, firstDate, rule, title, new MemberId(bookerId), bookerName, now).Value!;
        db.Series.Add(series);
        foreach (var date in series.Dates())
        {
            var slot = site.SlotAt(roomId, date, period.Start)!;
            if (await db.Bookings.AnyAsync(b => b.RoomId == roomId && b.Date == date && b.PeriodStart == period.Start && BookingStates.Active.Contains(b.State)))
                continue; // taken: skipped
            db.Bookings.Add(Booking.PlaceForSeries(room, slot, series, now).Value!);
        }
        await db.SaveChangesAsync();
        return series;
    }

    /// <summary>Changes the series' occurrences on <paramref name="dates"/> with <paramref name="change"/> (and the series with <paramref name="changeSeries"/>), in one save.</summary>
    public static async Task ChangeSeriesAsync(this MeetingRoomFactory app, Guid seriesId, Func<Booking, BookingResult> change, DateOnly[] dates,
        Func<BookingSeries, BookingResult>? changeSeries = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var series = await db.Series.SingleAsync(s => s.Id == seriesId);
        if (changeSeries is not null) Assert.True(changeSeries(series).IsOk);
        foreach (var booking in await db.Bookings.Where(b => b.SeriesId == seriesId && dates.Contains(b.Date)).ToListAsync())
            Assert.True(change(booking).IsOk);
        await db.SaveChangesAsync();
    }

    /// <summary>The series' occurrences, by date.</summary>
    public static async Task<Dictionary<DateOnly, Booking>> OccurrencesAsync(this MeetingRoomFactory app, Guid seriesId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).ToDictionaryAsync(b => b.Date);
    }
}
