using System.Globalization;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Components.Layout;
using MeetingRoom.Web.Features.Admin.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Localization;

/// <summary>The language helper's components speak Korean when the culture is Korean, and English otherwise.</summary>
public sealed class KoreanComponentTests : ComponentTestContext
{
    private LiveComponentApp? _app;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    private static void InKorean(Action act)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        try { act(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi); }
    }

    private IRenderedComponent<Settings> RenderSettings()
    {
        _app = new LiveComponentApp(DefaultNow);
        _ = _app.Services; // starts the app
        _app.AddTo(Services);
        var settings = Render<Settings>();
        settings.WaitForAssertion(() => Assert.NotEmpty(settings.FindAll("[data-testid=save-language]")));
        return settings;
    }

    [Fact]
    public void The_settings_page_speaks_Korean()
    {
        InKorean(() =>
        {
            var settings = RenderSettings();

            var text = settings.Find(".settings-grid").TextContent;
            Assert.Equal("설정", settings.Find("h1").TextContent.Trim());
            Assert.Equal(["시간표", "예약 창", "예약 한도", "언어"], settings.FindAll("h2").Select(h => h.TextContent.Trim()));
            Assert.Contains("시간표 저장", text);
            Assert.Contains("규칙 저장", text);
            Assert.Contains("예: 10:00–11:50 슬롯은 10:00에 열립니다.", text);
            Assert.Equal("1교시 삭제", settings.Find("[data-period-row='1'] button").GetAttribute("aria-label"));
            foreach (var english in new[] { "Timetable", "Booking window", "Save rule", "Periods", "Example", "Remove" })
                Assert.DoesNotContain(english, settings.Markup);
        });
    }

    [Fact]
    public void The_settings_page_speaks_English_by_default()
    {
        var settings = RenderSettings();

        Assert.Equal("Settings", settings.Find("h1").TextContent.Trim());
        Assert.Equal(["Timetable", "Booking window", "Booking limits", "Language"], settings.FindAll("h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Example: the 10:00–11:50 slot opens at 10:00.", settings.Markup);
    }

    [Fact]
    public void The_language_switch_names_each_language_in_itself_and_marks_the_current_one()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/my-bookings?day=2026-11-23");
        InKorean(() =>
        {
            var language = Render<LanguageSwitch>();

            Assert.Equal("언어", language.Find("nav").GetAttribute("aria-label"));
            var korean = language.Find("[data-testid=language-ko]");
            var english = language.Find("[data-testid=language-en]");
            Assert.Equal("한국어", korean.TextContent);
            Assert.Equal("English", english.TextContent);
            Assert.Equal("true", korean.GetAttribute("aria-current"));
            Assert.Null(english.GetAttribute("aria-current"));
            Assert.Equal("en", english.GetAttribute("lang"));
            Assert.Equal("/culture?lang=en&returnUrl=%2Fmy-bookings%3Fday%3D2026-11-23", english.GetAttribute("href"));
            Assert.DoesNotContain("Language", language.Markup);
        });
    }

    [Fact]
    public void The_switch_comes_back_without_the_pages_lang_which_would_outvote_the_choice()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/board?lang=en&floor=2");

        var language = Render<LanguageSwitch>();

        Assert.Equal("/culture?lang=ko&returnUrl=%2Fboard%3Ffloor%3D2", language.Find("[data-testid=language-ko]").GetAttribute("href"));
        Assert.Equal("Language", language.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void MudBlazors_own_texts_speak_Korean()
    {
        InKorean(() =>
        {
            var alert = Render<MudBlazor.MudAlert>(ps => ps.Add(a => a.ShowCloseIcon, true).Add(a => a.CloseIconClicked, _ => { }));

            Assert.Equal("닫기", alert.Find("button").GetAttribute("aria-label"));
            Assert.Equal("페이지당 행 수:", Services.GetRequiredService<MudBlazor.MudLocalizer>()["MudDataGridPager_RowsPerPage"].Value);
        });
        Assert.Equal("Rows per page:", Services.GetRequiredService<MudBlazor.MudLocalizer>()["MudDataGridPager_RowsPerPage"].Value);
    }
}
