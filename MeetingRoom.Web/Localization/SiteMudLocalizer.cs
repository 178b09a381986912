using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// MudBlazor's own texts (date picker, grid pager, dialogs, snackbars, form messages) in the current language, from
/// <c>Resources/Localization/SiteMudLocalizer.resx</c> and its translations (the keys are MudBlazor's
/// <c>LanguageResource</c> keys; the English values are MudBlazor's own). A key missing here falls back to MudBlazor's
/// English. Month and weekday names follow the culture by themselves.
/// </summary>
public sealed class SiteMudLocalizer(IStringLocalizer<SiteMudLocalizer> text) : MudLocalizer
{
    /// <inheritdoc />
    public override LocalizedString this[string key] => text[key];
}
