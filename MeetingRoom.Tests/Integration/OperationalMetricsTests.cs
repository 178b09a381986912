using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Meetings;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The background work's metrics (issue 24): no-shows released by the clock, and email the server refused.</summary>
public sealed class OperationalMetricsTests
{
    private static MetricCollector<T> Collect<T>(MeetingRoomFactory app, string instrument) where T : struct =>
        new(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), MeetingRoomMetrics.MeterName, instrument);

    [Fact]
    public async Task A_no_show_released_by_the_clock_is_counted_as_an_auto_release()
    {
        using var app = new MeetingRoomFactory { Clock = new TestClock(DateTimeOffset.Parse($"{Today}T10:00:00+09:00")) };
        using var releases = Collect<long>(app, "meetingroom.auto_releases");
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        await member.BookOkAsync(await admin.CreateRoomAsync("No-show"), Today, "10:00");
        var clock = app.Services.GetServices<IHostedService>().OfType<BookingClock>().Single();

        await clock.RunOnceAsync();
        Assert.Empty(releases.GetMeasurementSnapshot()); // not due yet
        app.Clock.Set(DateTimeOffset.Parse($"{Today}T10:10:00+09:00")); // ten minutes, not checked in
        await clock.RunOnceAsync();
        await clock.RunOnceAsync(); // nothing more to release

        Assert.Equal(1, releases.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_failed_email_send_is_counted_and_the_mail_stays_in_the_queue_length()
    {
        using var app = new EmailFactory(); // nothing listens on its SMTP port
        using var failures = Collect<long>(app, "meetingroom.email.failures");
        using var queue = Collect<long>(app, "meetingroom.email.queue_length");
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        await member.BookOkAsync(await admin.CreateRoomAsync("Mail later"), Today, "10:00"); // a confirmation to mail
        await app.WaitForHandlerAsync(EmailProjection.HandlerName);

        var until = DateTime.UtcNow.AddSeconds(20);
        while (failures.GetMeasurementSnapshot().Count == 0)
        {
            Assert.True(DateTime.UtcNow < until, "No failed send was counted.");
            app.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the delivery's retries wait on the app's clock
            await Task.Delay(50);
        }
        queue.RecordObservableInstruments();
        Assert.Equal(1, queue.LastMeasurement?.Value);
    }
}
