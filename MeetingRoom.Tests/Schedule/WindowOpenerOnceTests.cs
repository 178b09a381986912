using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Schedule;

/// <summary>Window openings take the outbox path, written once however many instances' openers see the instant pass.</summary>
public sealed class WindowOpenerOnceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Three_openers_passing_the_same_opening_record_it_once()
    {
        var openers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<WindowOpener>(app.Services)).ToList();
        foreach (var opener in openers) await opener.RunOnceAsync();

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T13:00:00+09:00")); // the 13:00 period's window opens (the app's own opener wakes too)
        await Task.WhenAll(openers.Select(o => o.RunOnceAsync()));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var recorded = (await db.Outbox.AsNoTracking().Where(m => m.Type == nameof(BookingWindowsPassed)).ToListAsync())
            .Select(m => (BookingWindowsPassed)DomainEventSerializer.FromOutbox(m)!)
            .Count(e => e.Periods.Contains(new PeriodOfDate(new DateOnly(2026, 11, 23), new TimeOnly(13, 0))));
        Assert.Equal(1, recorded);
    }
}
