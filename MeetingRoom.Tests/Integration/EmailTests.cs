using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The app with email on, sending to <see cref="Port"/> on 127.0.0.1, retrying quickly.</summary>
public class EmailFactory : MeetingRoomFactory
{
    public int Port { get; init; } = LoopbackPort.Free();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Port.ToString());
        builder.UseSetting("Smtp:From", "MeetingRoom <rooms@test.local>");
        builder.UseSetting("Outbox:BackoffMilliseconds", "100");
        builder.UseSetting("Outbox:MaxBackoffMilliseconds", "400");
    }
}

/// <summary>One app and one SMTP server for the class; each test uses its own members.</summary>
public sealed class EmailFixture : IDisposable
{
    public EmailFactory App { get; }
    public SmtpSink Smtp { get; }

    public EmailFixture()
    {
        Smtp = new SmtpSink().Start();
        App = new EmailFactory { Port = Smtp.Port };
    }

    public void Dispose()
    {
        App.Dispose();
        Smtp.Dispose();
    }
}

/// <summary>Email (issue 13, item 4) against a real SMTP server on loopback (python3-aiosmtpd).</summary>
public sealed class EmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    private EmailFactory App => fixture.App;
    private SmtpSink Smtp => fixture.Smtp;

    [Fact]
    public async Task A_confirmed_booking_mails_the_booker_with_the_booking_ics_attached()
    {
        var admin = await App.SignInNewAsync(admin: true);
        var member = await App.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Mail Harbor", floor: 4), Today, "10:00");

        var mail = Assert.Single(await Smtp.WaitForAsync(member.Email!));

        Assert.Equal([member.Email!], mail.To);
        Assert.Equal(member.Email, mail.Message.To.Mailboxes.Single().Address);
        Assert.Equal("rooms@test.local", mail.Message.From.Mailboxes.Single().Address);
        Assert.Equal("Booking confirmed: Mail Harbor Mon 23 Nov 10:00–11:50", mail.Message.Subject);
        Assert.Contains("Mail Harbor · Mon 23 Nov · 10:00–11:50", mail.Message.TextBody);
        Assert.Contains("Floor 4", mail.Message.TextBody);
        var attachment = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        Assert.Equal("booking.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content.DecodeToAsync(content);
        var ev = Assert.Single(Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
        Assert.Equal($"booking-{id:D}@meetingroom", ev.Uid);
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), ev.Start!.Value);
        Assert.Equal("Asia/Seoul", ev.Start.TzId);
    }

    [Fact]
    public async Task A_denial_mails_the_reason()
    {
        var admin = await App.SignInNewAsync(admin: true);
        var member = await App.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Mail Boardroom", requiresApproval: true), Today, "10:00");
        await (await admin.PostAsync($"/api/bookings/{id}/deny", new { reason = "CEO visit" })).ShouldBe(HttpStatusCode.OK);

        var mail = Assert.Single(await Smtp.WaitForAsync(member.Email!)); // pending approval sends nothing; the denial does
        Assert.StartsWith("Booking denied", mail.Message.Subject);
        Assert.Contains("CEO visit", mail.Message.TextBody);
        Assert.Empty(mail.Message.Attachments);
    }

    [Fact]
    public async Task A_member_who_turned_email_off_gets_none()
    {
        var admin = await App.SignInNewAsync(admin: true);
        var quiet = await App.SignInNewAsync();
        var control = await App.SignInNewAsync();
        await (await quiet.PutAsync("/api/me/email-preferences", new { enabled = false })).ShouldBe(HttpStatusCode.OK);
        Assert.False((await quiet.GetJsonAsync<System.Text.Json.JsonElement>("/api/me/email-preferences")).GetProperty("enabled").GetBoolean());

        await quiet.BookOkAsync(await admin.CreateRoomAsync("Mail quiet"), Today, "10:00");
        await control.BookOkAsync(await admin.CreateRoomAsync("Mail control"), Today, "10:00");
        await Smtp.WaitForAsync(control.Email!); // written after the quiet member's event, so that one was handled
        await App.WaitForHandlerAsync(EmailProjection.HandlerName);

        Assert.DoesNotContain(Smtp.Messages(), m => m.To.Contains(quiet.Email!, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>A mail server that is down delays only the email; nothing is lost and nothing is sent twice.</summary>
public sealed class EmailServerDownTests : IDisposable
{
    private readonly EmailFactory _app = new();
    private SmtpSink? _smtp;

    [Fact]
    public async Task A_closed_smtp_port_does_not_fail_the_booking_and_the_mail_arrives_once_when_the_server_is_up()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var member = await _app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Mail later"), Today, "10:00"); // 201 while nothing listens

        await _app.WaitForHandlerAsync(EmailProjection.HandlerName);
        await WaitUntilAsync(async db => await db.EmailMessages.AnyAsync(m => m.Attempts >= 2 && m.SentAt == null && m.LastError != null));
        Assert.Equal("Confirmed", (await member.GetJsonAsync<System.Text.Json.JsonElement>($"/api/bookings/{id}")).GetProperty("state").GetString());

        _smtp = new SmtpSink(_app.Port).Start();
        await WaitUntilAsync(async db => await db.EmailMessages.AllAsync(m => m.SentAt != null));
        var mail = Assert.Single(await _smtp.WaitForAsync(member.Email!));
        Assert.StartsWith("Booking confirmed", mail.Message.Subject);
        await Task.Delay(1000); // a few more delivery passes: still one
        Assert.Single(_smtp.Messages());
    }

    /// <summary>Waits for <paramref name="condition"/>, moving the app's clock on meanwhile: the delivery's retries wait on it.</summary>
    private async Task WaitUntilAsync(Func<AppDbContext, Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var scope = _app.Services.CreateAsyncScope())
                if (await condition(scope.ServiceProvider.GetRequiredService<AppDbContext>())) return;
            if (DateTime.UtcNow > until) Assert.Fail("The condition did not hold in time.");
            _app.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _app.Dispose();
        _smtp?.Dispose();
    }
}
