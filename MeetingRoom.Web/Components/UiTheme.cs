using MudBlazor;

namespace MeetingRoom.Web.Components;

/// <summary>
/// The one MudBlazor theme: a light palette for members and admins and a dark one for the wall display
/// (<see cref="MudThemeProvider.IsDarkMode"/>). Colours are chosen for WCAG 2.1 AA contrast (4.5:1 for text
/// on them, checked by the axe browser tests); the font is the system stack (no web fonts: no internet).
/// </summary>
public static class UiTheme
{
    /// <summary>System UI fonts, Korean ones included (Apple SD Gothic Neo, Malgun Gothic, Noto Sans KR).</summary>
    public static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b38c4",
            Secondary = "#5b5f73",
            Tertiary = "#00695c",
            Info = "#0b5cad",
            Success = "#1b6e3a",
            Warning = "#8a4b00",
            Error = "#b42318",
            AppbarBackground = "#1f2140",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2330",
            TextPrimary = "#1f2330",
            TextSecondary = "#4f5568",
            ActionDefault = "#4f5568",
            LinesDefault = "#d9dbe4",
            TableLines = "#e3e5ec",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a9a7ff",
            Secondary = "#c3c6d6",
            Info = "#7cc4ff",
            Success = "#6fdc9a",
            Warning = "#ffc870",
            Error = "#ff9c94",
            Background = "#0e1020",
            Surface = "#171a30",
            AppbarBackground = "#0e1020",
            TextPrimary = "#f2f3fa",
            TextSecondary = "#c3c6d6",
            LinesDefault = "#2c3050",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.25", LetterSpacing = "-.01em" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.15rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
