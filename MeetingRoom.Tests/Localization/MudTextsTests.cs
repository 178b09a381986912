using System.Globalization;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MeetingRoom.Tests.Localization;

/// <summary>MudBlazor's own texts come from our resources: Korean under ko, MudBlazor's English under en.</summary>
public sealed class MudTextsTests : ComponentTestContext
{
    private T InCulture<T>(string culture, Func<T> act)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return act(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi); }
    }

    [Fact]
    public void The_registered_MudLocalizer_answers_Korean_for_a_MudBlazor_key_under_ko()
    {
        var localizer = Services.GetRequiredService<MudLocalizer>();

        Assert.IsType<MudTexts>(localizer);
        Assert.Equal("페이지당 행 수:", InCulture("ko", () => localizer["MudDataGridPager_RowsPerPage"].Value));
        Assert.Equal("다음 달 12월", InCulture("ko", () => localizer["MudBaseDatePicker_NextMonth", "12월"].Value));
    }

    [Fact]
    public void MudBlazor_itself_speaks_Korean_under_ko_and_English_under_en()
    {
        var mud = Services.GetRequiredService<ILocalizationInterceptor>(); // what MudBlazor's components ask

        Assert.Equal("닫기", InCulture("ko", () => mud.Handle("MudDialog_Close").Value));
        Assert.Equal("필수 항목입니다", InCulture("ko-KR", () => mud.Handle("MudFormComponent_Required").Value));
        Assert.Equal("Close", InCulture("en", () => mud.Handle("MudDialog_Close").Value));
    }
}
