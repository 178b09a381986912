using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Schedule.Door.Pages;
using MeetingRoom.Web.Features.Rooms.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The wall display and the room dialog in Korean, in-process on the real app: the board's header, floors, legend
/// and states, and the room dialog's labels and field errors come from the Korean resources, with no English left.
/// </summary>
public sealed class BoardAndAdminInKoreanTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;

    private void Start()
    {
        _app = new LiveComponentApp(DefaultNow);
        _ = _app.Services;
        _app.AddTo(Services);
        Services.AddSingleton(_app.Services.GetRequiredService<MeetingRoom.Web.Features.Admin.SiteRulesProvider>()); // door displays dialog
        AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Board_reads_in_Korean_header_floors_legend_and_states()
    {
        using var korean = InCulture.Use("ko");
        Start();
        var admin = await _app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Harbor", floor: 3);

        var board = Render<MeetingRoom.Web.Features.Schedule.Pages.Board>();

        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll(".bcell[data-room=\"Harbor\"]")));
        Assert.Equal("회의실", board.Find("h1").TextContent);
        Assert.Equal("11월 23일 월요일", board.Find("[data-testid=board-date]").TextContent.Trim());
        Assert.Equal("3층", board.Find(".live-floor__title").TextContent.Trim());
        Assert.Equal("3층 일정", board.Find(".live-floor__scroll").GetAttribute("aria-label"));
        Assert.Equal("회의실", board.Find(".live-table__room-col").TextContent);
        Assert.Equal("범례", board.Find(".board-legend").GetAttribute("aria-label"));
        var legend = board.FindAll(".board-legend__item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["오픈 전", "예약 가능", "예약됨", "승인 대기", "회의 중", "다시 예약 가능", "마감", "사용 중지"], legend);
        Assert.Contains("예약 가능", board.Find(".bcell[data-room=\"Harbor\"][data-state=\"Open\"]").GetAttribute("aria-label"));
        Assert.Equal("실시간", board.Find(".board-live__text--up").TextContent);
        var chrome = board.Find(".board-head").TextContent + board.Find(".board-foot").TextContent + board.Find(".live-floor__title").TextContent;
        foreach (var english in new[] { "Meeting rooms", "Floor", "Open", "Booked", "Closed", "Next opening", "No more", "Live", "Monday", "November" })
            Assert.DoesNotContain(english, chrome);
    }

    [Fact]
    public async Task Room_dialog_reads_in_Korean_and_shows_field_errors_next_to_its_fields()
    {
        using var korean = InCulture.Use("ko");
        Start();
        var dialogs = Render<MudDialogProvider>();
        var text = Services.GetRequiredService<IStringLocalizer<RoomDialog>>();
        await dialogs.InvokeAsync(() => { _ = RoomDialog.OpenAsync(Services.GetRequiredService<IDialogService>(), text, null); });

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("form#room-form")));
        Assert.Equal("회의실 등록", dialogs.Find("[role=heading]").TextContent);
        var labels = dialogs.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("이름", labels);
        Assert.Contains("층", labels);
        Assert.Contains("수용 인원(명)", labels);
        Assert.Contains("예약 시 관리자 승인 필요", dialogs.Markup);
        Assert.Equal("장비", dialogs.Find("legend.field__label").TextContent);
        Assert.Contains("등록된 장비가 없습니다.", dialogs.Markup);
        Assert.Equal("취소", dialogs.FindAll(".mud-dialog-actions button")[0].TextContent.Trim());
        Assert.Equal("회의실 등록", dialogs.Find("[data-testid=room-save]").TextContent.Trim());

        dialogs.Find("[data-testid=add-equipment]").Click();
        Assert.Equal("예: 프로젝터", dialogs.Find("#equipment-1-name").GetAttribute("placeholder"));
        Assert.Contains("장비 1 이름", dialogs.FindAll("label").Select(l => l.TextContent.Trim()));
        Assert.Equal("장비 1 삭제", dialogs.Find("[data-equipment-row=\"1\"] button[title]").GetAttribute("aria-label"));
        dialogs.Find("[data-equipment-row=\"1\"] button[title]").Click();

        dialogs.Find("form#room-form").Submit();

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-field-error]")), TimeSpan.FromSeconds(15));
        Assert.Equal("회의실 이름을 입력하세요.", dialogs.Find("[data-field-error=name]").TextContent.Trim());
        Assert.Equal("층을 입력하세요.", dialogs.Find("[data-field-error=floor]").TextContent.Trim());
        Assert.Equal("수용 인원을 입력하세요.", dialogs.Find("[data-field-error=capacity]").TextContent.Trim());
        Assert.All(dialogs.FindAll("[data-field-error]"), e => Assert.Equal("alert", e.GetAttribute("role")));
        foreach (var english in new[] { "Register a room", "Capacity (people)", "Bookings need", "No equipment listed", "Add equipment", "Cancel" })
            Assert.DoesNotContain(english, dialogs.Markup);
    }

    [Fact]
    public async Task Rooms_page_reads_in_Korean_columns_badges_and_actions()
    {
        using var korean = InCulture.Use("ko");
        Start();
        var admin = await _app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Harbor", floor: 2, requiresApproval: true, equipment: "Projector");
        var cellar = await admin.CreateRoomAsync("Cellar");
        await (await admin.PostAsync($"/api/rooms/{cellar}/out-of-service", new { reason = "누수" })).ShouldBe(System.Net.HttpStatusCode.OK);

        var page = Render<RoomsAdmin>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-room=\"Harbor\"]")), TimeSpan.FromSeconds(15));
        Assert.Equal("회의실", page.Find("h1").TextContent);
        Assert.Equal("회의실 등록", page.Find("[data-testid=register-room]").TextContent.Trim());
        var headers = page.FindAll("th").Select(h => h.TextContent.Trim()).ToList();
        foreach (var header in new[] { "이름", "층", "수용 인원", "장비", "승인", "상태", "작업" })
            Assert.Contains(headers, h => h.StartsWith(header));
        Assert.Contains("승인 필요", page.Markup);
        Assert.Contains("즉시 확정", page.Markup);
        Assert.Contains("운영 중", page.Markup);
        Assert.Contains("사용 재개", page.Markup);
        Assert.NotNull(page.Find("[aria-label=\"Harbor 수정\"]"));
        Assert.NotNull(page.Find("[aria-label=\"Harbor 사용 중지\"]"));
        Assert.NotNull(page.Find("[aria-label=\"Cellar 사용 재개\"]"));
        Assert.NotNull(page.Find("[aria-label=\"Harbor 도어 디스플레이\"]"));
        foreach (var english in new[] { "Register room", "Required", "Instant", "In service", "Out of service", "Return to service", "Door displays", ">Edit<" })
            Assert.DoesNotContain(english, page.Markup);
    }

    [Fact]
    public async Task Approvals_page_reads_in_Korean_with_Korean_dates()
    {
        using var korean = InCulture.Use("ko");
        Start();
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Summit", requiresApproval: true);
        await (await _app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");

        var page = Render<MeetingRoom.Web.Features.Admin.Pages.Approvals>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=approvals-grid] [data-booking-id]")), TimeSpan.FromSeconds(15));
        Assert.Equal("예약 승인", page.Find("h1").TextContent);
        Assert.Equal("11월 23일 (월)", page.Find("[data-booking-id]").TextContent);
        Assert.Contains("10:00–11:50", page.Find(".booking-row__time").TextContent);
        var headers = page.FindAll("th").Select(h => h.TextContent.Trim()).ToList();
        foreach (var header in new[] { "일시", "회의실", "요청자", "요청 시각", "상태", "결정" })
            Assert.Contains(headers, h => h.StartsWith(header));
        Assert.Contains("승인 대기", page.Markup);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "승인");
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "거절");
        foreach (var english in new[] { "Approvals", "Pending approval", "Approve", "Deny", "Requested", "Mon", "Nov" })
            Assert.DoesNotContain(english, page.Markup);
    }

    [Fact]
    public async Task Door_displays_dialog_reads_in_Korean_from_none_to_a_created_display()
    {
        using var korean = InCulture.Use("ko");
        Start();
        var room = await (await _app.SignInNewAsync(admin: true)).CreateRoomAsync("Harbor");
        var dialogs = Render<MudDialogProvider>();
        var text = Services.GetRequiredService<IStringLocalizer<DoorDisplaysDialog>>();
        await dialogs.InvokeAsync(() =>
        {
            _ = DoorDisplaysDialog.OpenAsync(Services.GetRequiredService<IDialogService>(), text, room, "Harbor", MeetingRoom.Domain.Common.Actor.Admin("bunit"));
        });

        dialogs.WaitForAssertion(() => Assert.Equal("아직 도어 디스플레이가 없습니다.", dialogs.Find("[data-testid=door-none]").TextContent), TimeSpan.FromSeconds(15));
        Assert.Contains("Harbor 도어 디스플레이", dialogs.Find(".mud-dialog-title").TextContent);
        Assert.Contains("로그인 없이", dialogs.Markup);
        Assert.Equal("닫기", dialogs.FindAll(".mud-dialog-actions button")[0].TextContent.Trim());

        dialogs.Find("[data-testid=create-door-display]").Click();

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=door-list]")), TimeSpan.FromSeconds(15));
        Assert.Equal("지금 이 URL을 복사하세요. 한 번만 표시됩니다.", dialogs.Find("[data-testid=door-url-once]").TextContent.Trim());
        Assert.Matches(@"^도어 디스플레이 #\d+, 11월 23일 \(월\) 10:05 생성$", dialogs.Find("[data-door-display] span").TextContent);
        Assert.Equal("해지", dialogs.Find("[data-door-display] button").TextContent.Trim());
        Assert.StartsWith("도어 디스플레이 ", dialogs.Find("[data-door-display] button").GetAttribute("aria-label"));
        foreach (var english in new[] { "Door display", "Copy this URL", "Revoke", "Close", "created", "Create door display" })
            Assert.DoesNotContain(english, dialogs.Markup);
    }
}
