using System.Globalization;
using Bunit;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Account;
using MeetingRoom.Web.Components.Pages;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The member's components in Korean (bunit): the Book page's cell, My bookings' actions, the bell and the
/// pages of their own speak Korean when the culture is ko, and the English words they show in English are gone.
/// </summary>
public sealed class KoreanMemberComponentsTests : ComponentTestContext
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:55:30+09:00");
    private static readonly DateTimeOffset OpensAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");
    private static readonly MemberId Alice = new("alice");

    /// <summary>Switches the current culture and UI culture to Korean until disposed.</summary>
    private sealed class Korean : IDisposable
    {
        private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        public Korean() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
    }

    private static ScheduleCellDto Cell(SlotStatus state, string? bookedBy = null, DateTimeOffset? since = null, int waiting = 0) =>
        new("10:00", "11:50", state, OpensAt, bookedBy is null && since is null ? null : Guid.NewGuid(), bookedBy, since, Waiting: waiting);

    private IRenderedComponent<SlotCell> Slot(ScheduleCellDto cell, bool isMine = false, bool showStart = false,
        string? startRefusal = null, int? myPlace = null) =>
        Render<SlotCell>(ps => ps
            .Add(c => c.RoomId, 7).Add(c => c.RoomName, "Harbor").Add(c => c.Cell, cell).Add(c => c.Day, Day).Add(c => c.Now, Now)
            .Add(c => c.IsMine, isMine).Add(c => c.ShowStart, showStart).Add(c => c.StartRefusal, startRefusal)
            .Add(c => c.MyPlace, myPlace).Add(c => c.OnJoin, () => { }));

    private static BookingDto Booking(BookingState state) => new(
        Guid.Parse("0193f3c4-0000-7000-8000-000000000001"), 1, "Harbor", Day, "10:00", "11:50",
        OpensAt, OpensAt.AddMinutes(110), state, Alice.Value, "Alice", OpensAt.AddHours(-1),
        state is BookingState.InMeeting ? OpensAt : null, null, null, null);

    private IRenderedComponent<BookingActions> Actions(BookingDto booking, DateTimeOffset now) =>
        Render<BookingActions>(ps => ps.Add(c => c.Booking, booking).Add(c => c.Me, Alice).Add(c => c.Now, now)
            .Add(c => c.StartGrace, TimeSpan.FromMinutes(10)));

    private static void HasNoneOf<T>(IRenderedComponent<T> cut, params string[] englishWords) where T : Microsoft.AspNetCore.Components.IComponent
    {
        foreach (var word in englishWords)
            Assert.DoesNotContain(word, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_slot_says_bookable_and_book_in_Korean()
    {
        using var _ = new Korean();

        var cut = Slot(Cell(SlotStatus.Open));

        Assert.Equal("예약 가능", cut.Find(".slot__label").TextContent.Trim());
        Assert.Equal("예약하기", cut.Find("button[data-action=book]").TextContent.Trim());
        Assert.Equal("Harbor 10:00–11:50 예약하기", cut.Find("button[data-action=book]").GetAttribute("aria-label"));
        Assert.Equal("Harbor, 10:00–11:50: 예약 가능", cut.Find(".slot").GetAttribute("aria-label"));
        HasNoneOf(cut, ">Open<", ">Book<", "Book Harbor");
    }

    [Fact]
    public void Slot_not_yet_open_says_when_it_opens_and_counts_down_in_Korean()
    {
        using var _ = new Korean();

        var cut = Slot(Cell(SlotStatus.NotYetOpen));

        Assert.Equal("10:00 오픈", cut.Find(".slot__label").TextContent.Trim());
        Assert.Equal("4:30 후", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Equal("Harbor, 10:00–11:50: 오픈 전, 10:00 오픈", cut.Find(".slot").GetAttribute("aria-label"));
        HasNoneOf(cut, "Opens", "opens", "in 4:30", "Not yet open");
    }

    [Fact]
    public void Opening_on_another_day_is_written_with_the_Korean_date()
    {
        using var _ = new Korean();
        var cell = Cell(SlotStatus.NotYetOpen) with { OpensAt = DateTimeOffset.Parse("2026-11-22T08:00:00+09:00") };

        var cut = Slot(cell);

        Assert.Equal("11월 22일 (일) 08:00 오픈", cut.Find(".slot__label").TextContent.Trim());
    }

    [Fact]
    public void My_booked_slot_offers_start_and_says_it_is_mine_in_Korean()
    {
        using var _ = new Korean();

        var cut = Slot(Cell(SlotStatus.Booked, "Alice"), isMine: true, showStart: true);

        Assert.Equal("예약됨", cut.Find(".slot__label").TextContent.Trim());
        Assert.Equal("내 예약", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Equal("시작", cut.Find("button[data-action=start]").TextContent.Trim());
        Assert.Equal("Harbor 10:00–11:50 회의 시작", cut.Find("button[data-action=start]").GetAttribute("aria-label"));
        HasNoneOf(cut, ">Start<", "by you", ">Booked<", "Start meeting");
    }

    [Fact]
    public void Meeting_in_progress_says_since_when_and_who_in_Korean()
    {
        using var _ = new Korean();

        var cut = Slot(Cell(SlotStatus.InMeeting, "김민지", DateTimeOffset.Parse("2026-11-23T10:03:00+09:00"), waiting: 2));

        Assert.Equal("회의 중", cut.Find(".slot__label").TextContent.Trim());
        Assert.Equal("10:03부터 · 김민지 님", cut.Find("[data-testid=cell-detail]").TextContent.Trim());
        Assert.Equal("대기 2명", cut.Find("[data-testid=waiting]").TextContent.Trim());
        Assert.Equal("대기자 명단 인원", cut.Find("[data-testid=waiting]").GetAttribute("title"));
        Assert.Equal("Harbor, 10:00–11:50: 회의 중, 10:03부터, 대기 2명", cut.Find(".slot").GetAttribute("aria-label"));
        HasNoneOf(cut, "since ", " waiting", "In meeting");
    }

    [Fact]
    public void Held_slot_offers_the_waitlist_and_my_place_in_Korean()
    {
        using var _ = new Korean();

        var join = Slot(Cell(SlotStatus.Booked, "김민지"));
        var waiting = Slot(Cell(SlotStatus.Booked, "김민지", waiting: 1), myPlace: 1);

        Assert.Equal("대기 신청", join.Find("button[data-action=join-waitlist]").TextContent.Trim());
        Assert.Equal("대기 순번 1번", waiting.Find(".slot__place").TextContent.Trim());
        Assert.Equal("나가기", waiting.Find("button[data-action=leave-waitlist]").TextContent.Trim());
        HasNoneOf(join, "Join waitlist", "by ");
        HasNoneOf(waiting, "in line", ">Leave<");
    }

    [Fact]
    public void Every_slot_and_booking_state_has_a_Korean_label()
    {
        using var _ = new Korean();

        var slotLabels = Enum.GetValues<SlotStatus>().Select(s => SlotStateText.Of(s).Label).ToList();
        var bookingLabels = Enum.GetValues<BookingState>().Select(s => SlotStateText.Of(s).Label).ToList();

        Assert.Equal(["오픈 전", "예약 가능", "예약됨", "승인 대기", "회의 중", "다시 예약 가능", "마감", "사용 중지"],
            Enum.GetValues<SlotStatus>().Select(s => SlotStateText.Of(s).Label));
        Assert.All(slotLabels.Concat(bookingLabels), l => Assert.Matches("[가-힣]", l));
        Assert.Equal(slotLabels.Count, slotLabels.Distinct().Count());
    }

    [Fact]
    public void Booking_actions_speak_Korean_and_say_from_when_start_is_possible()
    {
        using var _ = new Korean();

        var cut = Actions(Booking(BookingState.Confirmed), OpensAt.AddMinutes(-30));

        Assert.Equal("회의 시작", cut.Find("button[data-action=start]").TextContent.Trim());
        Assert.Equal("예약 취소", cut.Find("button[data-action=cancel]").TextContent.Trim());
        Assert.Equal("09:50부터 시작할 수 있습니다.", cut.Find("[data-testid=start-why]").TextContent.Trim());
        HasNoneOf(cut, ">Start<", ">Cancel<", "You can start");
    }

    [Fact]
    public void Meeting_in_progress_offers_end_in_Korean()
    {
        using var _ = new Korean();

        var cut = Actions(Booking(BookingState.InMeeting), OpensAt.AddMinutes(5));

        Assert.Equal("회의 종료", cut.Find("button[data-action=end]").TextContent.Trim());
        HasNoneOf(cut, ">End<");
    }

    [Fact]
    public void Pending_booking_says_it_waits_for_approval_in_Korean()
    {
        using var _ = new Korean();

        var cut = Actions(Booking(BookingState.PendingApproval), OpensAt);

        Assert.Equal("관리자 승인을 기다리는 중입니다.", cut.Find("[data-testid=start-why]").TextContent.Trim());
    }

    [Fact]
    public void Bell_of_a_visitor_says_none_unread_in_Korean()
    {
        Services.AddLogging();
        Services.AddSingleton<NotificationNotifier>();
        Services.AddSingleton(sp => new ServiceRunner(sp.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System));
        using var _ = new Korean();

        var cut = Render<NotificationBell>();

        Assert.Equal("알림, 읽지 않은 알림 없음", cut.Find("[data-testid=bell]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Loading_state_says_loading_in_Korean()
    {
        using var _ = new Korean();

        var cut = Render<LoadingState>();

        Assert.Equal("불러오는 중…", cut.Find("[data-testid=loading]").TextContent.Trim());
    }

    [Fact]
    public void Not_found_page_speaks_Korean()
    {
        using var _ = new Korean();

        var cut = Render<NotFound>();

        Assert.Contains("페이지를 찾을 수 없습니다", cut.Find("h1").TextContent);
        Assert.Contains("예약으로 이동", cut.Markup);
        HasNoneOf(cut, "Not found", "Go to booking", "There is nothing");
    }

    [Fact]
    public void Access_denied_page_speaks_Korean()
    {
        using var _ = new Korean();

        var cut = Render<AccessDenied>();

        Assert.Equal("관리자 전용", cut.Find("h1").TextContent.Trim());
        Assert.Contains("예약으로 돌아가기", cut.Markup);
        HasNoneOf(cut, "Admins only", "Back to booking", "Admin role");
    }

    [Fact]
    public void Error_page_speaks_Korean()
    {
        using var _ = new Korean();

        var cut = Render<Error>();

        Assert.Equal("문제가 발생했습니다", cut.Find("h1").TextContent.Trim());
        HasNoneOf(cut, "Something went wrong", "Back to booking", "try again");
    }

    [Fact]
    public void Shared_texts_count_down_and_rank_in_Korean_and_English()
    {
        var at = Now.AddHours(2).AddMinutes(5);
        string countdown, inLine, english;
        using (new Korean())
        {
            countdown = SlotStateText.Countdown(Now, at);
            inLine = SlotStateText.InLine(2);
        }
        english = SlotStateText.InLine(2);

        Assert.Equal("2시간 05분 후", countdown);
        Assert.Equal("대기 순번 2번", inLine);
        Assert.Equal("You are 2nd in line", english);
    }
}
