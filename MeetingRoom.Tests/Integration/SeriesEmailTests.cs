using MeetingRoom.Domain.Series;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// A series' email (issue 22): one email to its booker with the series as one recurring calendar event attached, not one
/// confirmation per occurrence; the admin who made it for someone else gets none for its creation.
/// </summary>
public sealed class SeriesEmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    private EmailFactory App => fixture.App;

    private async Task<List<EmailMessage>> MailsOfAsync(string memberId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.EmailMessages.AsNoTracking().Where(m => m.MemberId == memberId).ToListAsync();
    }

    [Fact]
    public async Task A_new_series_mails_its_booker_once_with_the_series_as_one_recurring_event()
    {
        var admin = await App.SignInNewAsync(admin: true);
        var member = await App.SignInNewAsync();
        var memberId = await App.IdOfAsync(member);
        var series = await App.SeedSeriesAsync(await admin.CreateRoomAsync("Mail series"), memberId, await App.IdOfAsync(admin),
            new DateOnly(2026, 11, 24), new SeriesRule(SeriesFrequency.Weekly, Count: 6, ByWeekday: [DayOfWeek.Tuesday]));

        await App.WaitForHandlerAsync(EmailProjection.HandlerName);

        var mail = Assert.Single(await MailsOfAsync(memberId));
        Assert.Contains("Team sync", mail.Subject);
        var ev = Assert.Single(Ical.Net.Calendar.Load(mail.Calendar!)!.Events);
        Assert.Equal($"series-{series.Id:D}@meetingroom", ev.Uid);
        Assert.Equal(6, Assert.Single(ev.RecurrenceRules).Count);
    }
}
