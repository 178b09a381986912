using System.Globalization;
using System.Security.Claims;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Bookings.Pages;
using MeetingRoom.Web.Features.Meetings.Pages;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Features.Notifications.Pages;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The member's pages in Korean, rendered (bunit) on the real app: Book, My bookings and Notifications show
/// their headings, states, dates and buttons in Korean, and the bell stays Korean when a push re-counts it
/// (the push calls back on another thread).
/// </summary>
public sealed class KoreanMemberPagesTests : ComponentTestContext
{
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
    private LiveComponentApp _app = default!;
    private ApiClient _admin = default!;
    private ApiClient _member = default!;
    private int _room;

    public override async Task InitializeAsync()
    {
        _app = new LiveComponentApp(DefaultNow);
        _ = _app.Services; // starts the app
        _app.AddTo(Services);
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<BookingOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<NotificationOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<SiteRulesProvider>());
        _admin = await _app.SignInNewAsync(admin: true);
        _room = await _admin.CreateRoomAsync("한강", 3, 8);
        _member = await _app.SignInNewAsync(name: "김민지");
        var auth = AddAuthorization();
        auth.SetAuthorized("김민지");
        auth.SetRoles(Roles.Member);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, await _app.UserIdAsync(_member)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Switches the test's culture and UI culture to Korean (a test's own flow: set inside the test).</summary>
    private void Korean() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

    /// <summary>What a reader meets: the page's text and the attributes people read or hear.</summary>
    private static string Words<T>(IRenderedComponent<T> page) where T : IComponent =>
        string.Join("\n", page.Nodes.Select(n => n.TextContent).Concat(
            page.FindAll("[aria-label],[title],[placeholder]").SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("title"), e.GetAttribute("placeholder") })
                .OfType<string>()));

    public override async Task DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task My_bookings_speaks_Korean()
    {
        await _member.BookOkAsync(_room, Today, "10:00");
        Korean();

        var page = Render<MyBookings>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=upcoming] .booking-row")));
        Assert.Equal("내 예약", page.Find("h1").TextContent.Trim());
        var row = page.Find("[data-testid=upcoming] .booking-row");
        Assert.Equal("11월 23일 (월)", row.QuerySelector(".booking-row__date")!.TextContent.Trim());
        Assert.Equal("10:00–11:50", row.QuerySelector(".booking-row__time")!.TextContent.Trim());
        Assert.Equal("예약 확정", row.QuerySelector("[data-testid=booking-state]")!.TextContent.Trim());
        Assert.Equal("회의 시작", row.QuerySelector("button[data-action=start]")!.TextContent.Trim());
        Assert.Contains("캘린더 및 이메일", page.Markup);
        foreach (var english in new[] { "My bookings", "Upcoming", "Confirmed", "Mon 23 Nov", "Add to calendar", "Calendar and email" })
            Assert.DoesNotContain(english, Words(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_cancelled_because_its_room_was_removed_says_so_in_Korean()
    {
        var room = await _admin.CreateRoomAsync("철거될 방", 3, 8);
        await _member.BookOkAsync(room, Today, "10:00");
        (await _admin.DeleteAsync($"/api/rooms/{room}")).EnsureSuccessStatusCode();
        Korean();

        var page = Render<MyBookings>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=booking-note]")));
        Assert.Equal("회의실이 삭제되었습니다.", page.Find("[data-testid=booking-note]").TextContent.Trim());
        Assert.DoesNotContain("was removed", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Book_page_speaks_Korean()
    {
        Korean();
        var page = Render<Book>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".slot[data-room=\"한강\"]")));
        Assert.Equal("회의실 예약", page.Find("h1").TextContent.Trim());
        var open = page.Find(".slot[data-room=\"한강\"][data-start=\"10:00\"]");
        Assert.Equal("예약 가능", open.QuerySelector(".slot__label")!.TextContent.Trim());
        Assert.Equal("예약하기", open.QuerySelector("button[data-action=book]")!.TextContent.Trim());
        Assert.Equal("13:00 오픈", page.Find(".slot[data-room=\"한강\"][data-start=\"13:00\"] .slot__label").TextContent.Trim());
        Assert.Contains("현재 10:05", page.Find(".page-sub").TextContent);
        foreach (var english in new[] { "Book a room", "Opens", "Today", "Previous day", "Minimum capacity", "All floors" })
            Assert.DoesNotContain(english, Words(page), StringComparison.Ordinal);
    }

    [Fact]
    public void Notifications_page_speaks_Korean()
    {
        Korean();
        var page = Render<Notifications>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=empty-state]")));
        Assert.Equal("알림", page.Find("h1").TextContent.Trim());
        Assert.Contains("알림이 없습니다", page.Find("[data-testid=empty-state]").TextContent);
        foreach (var english in new[] { "No notifications", "What happened", "Kept for" })
            Assert.DoesNotContain(english, Words(page), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_in_page_with_an_unknown_code_speaks_Korean()
    {
        Korean();

        var page = Render<CheckIn>(ps => ps.Add(c => c.Code, "not-a-code"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=checkin-problem]")));
        Assert.Equal("체크인", page.Find("h1").TextContent.Trim());
        Assert.DoesNotContain("Check in", Words(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bell_stays_Korean_when_a_push_recounts_it()
    {
        await _member.BookOkAsync(_room, Today, "10:00");
        Korean();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=bell]").GetAttribute("data-unread")));
        Assert.Equal("알림, 읽지 않은 알림 없음", bell.Find("[data-testid=bell]").GetAttribute("aria-label"));

        await _admin.PostAsync($"/api/rooms/{_room}/out-of-service", new { reason = "누수" });

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=bell]").GetAttribute("data-unread")), TimeSpan.FromSeconds(15));
        Assert.Equal("알림, 읽지 않은 알림 1개", bell.Find("[data-testid=bell]").GetAttribute("aria-label"));
    }
}
