using MeetingRoom.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingRoom.Tests.Browser;

/// <summary>
/// A member who reads Korean, in a real browser: the main job (sign in → book → start → end, the board following)
/// in Korean, and the Book and My bookings pages fitting a phone and a desktop in Korean and English.
/// The language is the member's remembered choice: the culture cookie on the browser context.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KoreanMemberBrowserTests(BrowserApp app)
{
    private static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static int _floor = 260; // floors of their own (a board filtered to one shows only this test's rooms)

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..4]}";

    private static ILocator Cell(IPage page, string room, string start) =>
        page.Locator($".slot[data-room=\"{room}\"][data-start=\"{start}\"]");

    private static ILocator BoardCell(IPage page, string room, string start) =>
        page.Locator($".bcell[data-room=\"{room}\"][data-start=\"{start}\"]");

    /// <summary>
    /// A new browser context whose language cookie says <paramref name="language"/> (as the header switch leaves it),
    /// signed in as <paramref name="email"/> through the sign-in page, on <paramref name="path"/> once interactive.
    /// </summary>
    private async Task<IPage> SignInAsync(string email, string language, string path = "/", ViewportSize? viewport = null,
        Func<IPage, Task>? onSignInPage = null)
    {
        var context = await app.NewContextAsync(viewport);
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = app.BaseUrl }]);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        if (onSignInPage is not null) await onSignInPage(page);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await BrowserApp.WaitInteractiveAsync(page);
        return page;
    }

    private static async Task HasNoEnglishAsync(IPage page, params string[] words)
    {
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var word in words) Assert.DoesNotContain(word, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_page_on_a_phone_says_booking_needs_the_connection_while_it_is_down()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var page = await SignInAsync(await app.CreateUserAsync("연결 확인"), "ko", "/my-bookings", Phone);
        var notice = page.Locator("[data-testid=connection-notice]");
        await Expect(notice).ToBeHiddenAsync();

        // Cut the circuit and refuse reconnecting (blazor.web.js renegotiates at /_blazor/negotiate), as a phone losing its signal.
        await page.RouteAsync(url => url.Contains("/_blazor/negotiate"), route => route.AbortAsync());
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("온라인에서만 예약할 수 있습니다");
        await BrowserApp.ScreenshotAsync(page, "connection-lost-ko-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Member_books_starts_and_ends_a_meeting_in_Korean_and_the_board_follows()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow); // Monday 10:05 in Seoul: 10:00–11:50 is open
        var floor = Interlocked.Increment(ref _floor);
        var room = Unique("한강");
        var roomId = await app.CreateRoomAsync(room, floor, 6, false, "Whiteboard");
        try
        {
            var page = await SignInAsync(await app.CreateUserAsync("김민지"), "ko", onSignInPage: async login =>
            {
                await Expect(login.Locator("h1")).ToHaveTextAsync("로그인");
                await Expect(login.Locator("label[for=password]")).ToHaveTextAsync("비밀번호");
                await Expect(login.Locator("[data-testid=sign-in]")).ToHaveTextAsync("로그인");
            });
            var board = await app.OpenBoardAsync($"/board?lang=ko&floor={floor}", new ViewportSize { Width = 1920, Height = 1080 });
            var boardCell = BoardCell(board, room, "10:00");
            await Expect(boardCell).ToHaveAttributeAsync("data-state", "Open");

            // Book
            await Expect(page.Locator("h1")).ToHaveTextAsync("회의실 예약");
            var cell = Cell(page, room, "10:00");
            await Expect(cell.Locator(".slot__label")).ToHaveTextAsync("예약 가능");
            await Expect(cell).ToHaveAttributeAsync("aria-label", $"{room}, 10:00–11:50: 예약 가능");
            var book = cell.Locator("button[data-action=book]");
            await Expect(book).ToHaveTextAsync("예약하기");
            await HasNoEnglishAsync(page, "Book a room", "My bookings", "Sign out", "Opens", "Today");
            await BrowserApp.ScreenshotAsync(page, "book-ko");
            await book.ClickAsync();
            await Expect(BrowserApp.Snackbar(page, "예약 완료")).ToBeVisibleAsync();
            await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(boardCell).ToHaveAttributeAsync("data-state", "Booked");

            // My bookings: start
            await page.ClickAsync(".app-nav a[href='/my-bookings']");
            await Expect(page.Locator("h1")).ToHaveTextAsync("내 예약");
            var row = page.Locator($"[data-testid=upcoming] .booking-row[data-room=\"{room}\"]");
            await Expect(row.Locator("[data-testid=booking-state]")).ToHaveTextAsync("예약 확정");
            await Expect(row.Locator(".booking-row__date")).ToHaveTextAsync("11월 23일 (월)");
            var start = row.Locator("button[data-action=start]");
            await Expect(start).ToHaveTextAsync("회의 시작");
            await Expect(row.Locator("button[data-action=cancel]")).ToHaveTextAsync("예약 취소");
            await HasNoEnglishAsync(page, "Upcoming", "Confirmed", "Cancel", "Start");
            await BrowserApp.ScreenshotAsync(page, "my-bookings-ko");
            await start.ClickAsync();
            await Expect(BrowserApp.Snackbar(page, "회의 시작됨")).ToBeVisibleAsync();
            await Expect(row).ToHaveAttributeAsync("data-state", "InMeeting");
            await Expect(row.Locator("[data-testid=booking-state]")).ToHaveTextAsync("회의 중");
            await Expect(boardCell).ToHaveAttributeAsync("data-state", "InMeeting");

            // End
            var end = row.Locator("button[data-action=end]");
            await Expect(end).ToHaveTextAsync("회의 종료");
            await end.ClickAsync();
            await Expect(BrowserApp.Snackbar(page, "회의 종료됨")).ToBeVisibleAsync();
            var past = page.Locator($"[data-testid=past] .booking-row[data-room=\"{room}\"]");
            await Expect(past).ToHaveAttributeAsync("data-state", "Ended");
            await Expect(past.Locator("[data-testid=booking-state]")).ToHaveTextAsync("회의 종료");
            await Expect(boardCell).ToHaveAttributeAsync("data-state", "FreeAgain");

            await page.ClickAsync(".app-nav a[href='/']");
            await Expect(Cell(page, room, "10:00").Locator(".slot__label")).ToHaveTextAsync("다시 예약 가능");
            await Expect(Cell(page, room, "13:00").Locator(".slot__label")).ToHaveTextAsync("13:00 오픈");
            await page.Context.CloseAsync();
            await board.Context.CloseAsync();
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Fact]
    public async Task A_pushed_change_is_shown_in_the_member_s_language()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("한강");
        var roomId = await app.CreateRoomAsync(room, Interlocked.Increment(ref _floor), 6);
        try
        {
            var page = await SignInAsync(await app.CreateUserAsync("박지수"), "ko");
            var cell = Cell(page, room, "10:00");
            await Expect(cell.Locator(".slot__label")).ToHaveTextAsync("예약 가능");

            await app.BookAsync(await app.CreateUserAsync("이서연"), roomId, DateOnly.Parse(MeetingRoomFactory.Today), "10:00");

            await Expect(cell).ToHaveAttributeAsync("data-state", "Booked");
            await Expect(cell.Locator(".slot__label")).ToHaveTextAsync("예약됨");
            await Expect(cell.Locator("button[data-action=join-waitlist]")).ToHaveTextAsync("대기 신청");
            await page.Context.CloseAsync();
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }

    [Theory]
    [InlineData("ko", "회의실 예약", "내 예약", "예약됨")]
    [InlineData("en", "Book a room", "My bookings", "Booked")]
    public async Task Book_and_my_bookings_fit_a_phone_and_a_desktop(string language, string bookTitle, string myTitle, string bookedLabel)
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        var room = Unique("Conference room with a long name");
        var roomId = await app.CreateRoomAsync(room, Interlocked.Increment(ref _floor), 12, false, "Video conferencing", "Whiteboard");
        try
        {
            var user = await app.CreateUserAsync("Seo-yeon Kwon-Hartmann");
            await app.BookAsync(user, roomId, DateOnly.Parse(MeetingRoomFactory.Today), "10:00");
            foreach (var (size, suffix) in new[] { (Phone, "390"), (Desktop, "1440") })
            {
                var page = await SignInAsync(user, language, "/", size);
                await Expect(page.Locator("h1")).ToHaveTextAsync(bookTitle);
                await Expect(Cell(page, room, "10:00").Locator(".slot__label")).ToHaveTextAsync(bookedLabel);
                Assert.True(await BrowserApp.SidewaysScrollAsync(page) <= 0, $"The Book page scrolls sideways at {suffix} px in {language}.");
                await BrowserApp.ScreenshotAsync(page, $"book-{language}-{suffix}");

                await page.GotoAsync("/my-bookings");
                await BrowserApp.WaitInteractiveAsync(page);
                await Expect(page.Locator("h1")).ToHaveTextAsync(myTitle);
                await Expect(page.Locator($"[data-testid=upcoming] .booking-row[data-room=\"{room}\"]")).ToBeVisibleAsync();
                Assert.True(await BrowserApp.SidewaysScrollAsync(page) <= 0, $"My bookings scrolls sideways at {suffix} px in {language}.");
                await BrowserApp.ScreenshotAsync(page, $"my-bookings-{language}-{suffix}");
                if (language == "ko")
                    await HasNoEnglishAsync(page, "My bookings", "Upcoming", "Confirmed", "Calendar and email", "Copy", "Start", "Cancel");
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            await app.DeleteRoomsAsync(roomId);
        }
    }
}
