using MeetingRoom.Web.Localization;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Members' languages as a test sets them (everyone else: English).</summary>
public sealed class ChosenLanguages : IMemberLanguage
{
    private readonly ConcurrentDictionary<string, string> _byMember = new();

    public void Set(string memberId, string language) => _byMember[memberId] = language;

    public Task<string> ForAsync(string memberId, CancellationToken ct = default) =>
        Task.FromResult(_byMember.GetValueOrDefault(memberId, "en"));
}

/// <summary>The email app with members' languages from <see cref="ChosenLanguages"/>.</summary>
public sealed class LanguageEmailFactory : EmailFactory
{
    public ChosenLanguages Languages { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IMemberLanguage>(Languages)));
    }
}

public sealed class LanguageEmailFixture : IDisposable
{
    public LanguageEmailFactory App { get; }
    public SmtpSink Smtp { get; }

    public LanguageEmailFixture()
    {
        Smtp = new SmtpSink().Start();
        App = new LanguageEmailFactory { Port = Smtp.Port };
    }

    public void Dispose()
    {
        App.Dispose();
        Smtp.Dispose();
    }
}

/// <summary>Emails in the member's language; notifications in the reader's (Accept-Language for the API).</summary>
public sealed class LanguageOfMessagesTests(LanguageEmailFixture fixture) : IClassFixture<LanguageEmailFixture>
{
    private LanguageEmailFactory App => fixture.App;

    private async Task<string> MemberIdAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_Korean_member_gets_the_confirmation_email_in_Korean()
    {
        var admin = await App.SignInNewAsync(admin: true);
        var member = await App.SignInNewAsync();
        App.Languages.Set(await MemberIdAsync(member.Email!), "ko");
        await member.BookOkAsync(await admin.CreateRoomAsync("하버 Mail", floor: 4), Today, "10:00");

        var mail = Assert.Single(await fixture.Smtp.WaitForAsync(member.Email!));

        Assert.Equal("예약 확정: 하버 Mail 11월 23일 (월) 10:00–11:50", mail.Message.Subject);
        Assert.Contains("하버 Mail · 11월 23일 (월) · 10:00–11:50", mail.Message.TextBody);
        Assert.Contains("4층", mail.Message.TextBody);
        Assert.Contains("내 예약에서 끌 수 있습니다", mail.Message.TextBody);
        Assert.DoesNotContain("Booking confirmed", mail.Message.TextBody);
        Assert.DoesNotContain("Floor", mail.Message.TextBody);
        var attachment = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        using var content = new MemoryStream();
        await attachment.Content.DecodeToAsync(content);
        var ev = Assert.Single(Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
        Assert.StartsWith("회의실 예약: 하버 Mail(4층), 11월 23일 (월) 10:00–11:50. 예약 확정.", ev.Description);
    }

    [Fact]
    public async Task A_denial_notification_reads_in_Korean_for_ko_and_in_English_for_en()
    {
        var admin = await App.SignInNewAsync(admin: true);
        var member = await App.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync($"Notes {Guid.NewGuid():N}"[..20], requiresApproval: true), Today, "10:00");
        await (await admin.PostAsync($"/api/bookings/{id}/deny", new { reason = "CEO visit" })).ShouldBe(HttpStatusCode.OK);
        await App.WaitForHandlerAsync(NotificationProjection.HandlerName);

        async Task<JsonElement> NewestIn(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/notifications");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await member.Http.SendAsync(request);
            await response.ShouldBe(HttpStatusCode.OK);
            return (await response.Json()).GetProperty("items")[0];
        }

        var korean = await NewestIn("ko-KR");
        var english = await NewestIn("en");

        Assert.Equal("예약이 거절되었습니다", korean.GetProperty("title").GetString());
        Assert.Contains("11월 23일 (월) · 10:00–11:50 — CEO visit", korean.GetProperty("body").GetString());
        Assert.Equal("Booking denied", english.GetProperty("title").GetString());
        Assert.Contains("Mon 23 Nov · 10:00–11:50 — CEO visit", english.GetProperty("body").GetString());
    }
}
