using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration.Insights;

/// <summary>
/// The app for the insights tests: site in Europe/Berlin (DST) with periods 01:00–04:00 (3 h; 2 h on 2026-03-29,
/// when clocks go forward at 02:00), 09:00–11:00 and 13:00–15:00, window at the period start, no-show after 10
/// minutes; "now" is 2026-06-01 12:00 UTC, after every date the tests use. Rows are written straight through the
/// DbContext (past dates), made by the domain's own transitions at the instants given.
/// </summary>
public sealed class InsightsApp : MeetingRoomFactory
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-01T12:00:00Z");
    public static readonly Timetable Timetable = Timetable.Create("Europe/Berlin",
        [Period.Parse("01:00", "04:00"), Period.Parse("09:00", "11:00"), Period.Parse("13:00", "15:00")]);
    public static readonly MemberId Booker = new("insights-booker");
    private int _settingsDone;

    public InsightsApp() : base() => Clock.Set(Now);

    /// <summary>Writes the site settings above once (and drops the cached rules).</summary>
    public async Task EnsureSiteAsync()
    {
        if (Interlocked.Exchange(ref _settingsDone, 1) == 1) return;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = await db.SiteSettings.FirstOrDefaultAsync();
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
        settings.TimeZoneId = "Europe/Berlin";
        settings.PeriodsJson = SiteSettings.Serialize(Timetable.Periods);
        settings.WindowMode = BookingWindowMode.AtPeriodStart;
        settings.NoShowMinutes = 10;
        settings.Version++;
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<SiteRulesProvider>().Invalidate();
    }

    /// <summary>A room registered directly (id given by the database).</summary>
    public async Task<int> RoomAsync(string name, int floor, int capacity = 8)
    {
        await EnsureSiteAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var room = Room.Register(name, floor, capacity, [], false, Now.AddYears(-1));
        room.ClearDomainEvents();
        db.Rooms.Add(room);
        await db.SaveChangesAsync();
        return room.Id;
    }

    /// <summary>The slot of a room on a site-local date in the period starting at <paramref name="start"/> (HH:mm).</summary>
    public static Slot Slot(int roomId, string date, string start) =>
        Timetable.SlotFor(roomId, DateOnly.Parse(date), Timetable.FindPeriod(TimeOnly.Parse(start))!);

    /// <summary>The UTC instant of a site-local date and time.</summary>
    public static DateTimeOffset Local(string date, string time) => SiteClock.ToInstant(DateOnly.Parse(date), TimeOnly.Parse(time), Timetable.Zone);

    /// <summary>Saves rows (bookings, waitlist entries, intervals, demand rows) with their events cleared.</summary>
    public async Task SaveAsync(params object[] rows)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var row in rows)
        {
            if (row is AggregateRoot aggregate) aggregate.ClearDomainEvents();
            db.Add(row);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The report, from the query service itself.</summary>
    public async Task<InsightsReport> ReportAsync(InsightsFilter filter)
    {
        await EnsureSiteAsync();
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<InsightsQuery>().GetAsync(filter, CancellationToken.None);
        Assert.True(result.IsOk, result.Problem?.Detail);
        return result.Value!;
    }
}

/// <summary>Past bookings at chosen instants, brought to their state by the domain's transitions.</summary>
public sealed class PastBooking
{
    private readonly Slot _slot;
    private DateTimeOffset _placedAt;
    private int? _attendees;
    private readonly List<Func<Booking, BookingResult>> _steps = [];

    private PastBooking(Slot slot) { _slot = slot; _placedAt = slot.StartsAt.AddDays(-1); }

    public static PastBooking Of(Slot slot) => new(slot);
    public PastBooking PlacedAt(DateTimeOffset at) { _placedAt = at; return this; }
    public PastBooking WithAttendees(int attendees) { _attendees = attendees; return this; }
    public PastBooking StartedAt(DateTimeOffset at) { _steps.Add(b => b.Start(InsightsApp.Booker, at, Booking.DefaultStartGrace)); return this; }
    public PastBooking EndedAt(DateTimeOffset at) { _steps.Add(b => b.End(new Actor(InsightsApp.Booker, false), at)); return this; }
    public PastBooking EndedAtPeriodEnd() { _steps.Add(b => b.EndAtPeriodEnd(_slot.EndsAt)); return this; }
    public PastBooking ReleasedAt(DateTimeOffset at) { _steps.Add(b => b.Release(at, TimeSpan.FromMinutes(10))); return this; }
    public PastBooking CancelledAt(DateTimeOffset at) { _steps.Add(b => b.Cancel(new Actor(InsightsApp.Booker, false), null, at)); return this; }
    /// <summary>Checked in at the period start and ended at its end.</summary>
    public PastBooking Held() => StartedAt(_slot.StartsAt).EndedAtPeriodEnd();

    public Booking Build()
    {
        var room = Room.Register("r", 1, 100, [], false, _placedAt);
        var window = new BookingWindow(_slot.StartsAt.AddDays(-30), _slot.EndsAt);
        var placed = Booking.Place(room, _slot, window, InsightsApp.Booker, "Booker", _placedAt);
        Assert.True(placed.IsOk, placed.Refusal?.ToString());
        var booking = placed.Value!;
        foreach (var step in _steps)
        {
            var result = step(booking);
            Assert.True(result.IsOk, result.Refusal?.ToString());
        }
        if (_attendees is { } n) typeof(Booking).GetProperty(nameof(Booking.Attendees))!.SetValue(booking, n);
        booking.ClearDomainEvents();
        return booking;
    }
}
