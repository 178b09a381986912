using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// MudBlazor's own texts (date picker, data grid pager and filters, dialogs, snackbars, form "Required" …) in our
/// languages: MudBlazor asks this <see cref="MudLocalizer"/> for its keys (e.g. <c>MudDataGridPager_RowsPerPage</c>)
/// whenever the UI culture is not English, and uses its built-in English otherwise. Backed by
/// <c>Resources/Localization/MudTexts.resx</c> (MudBlazor's English, for reference) and <c>MudTexts.ko.resx</c>,
/// through the same <see cref="IStringLocalizer{T}"/> as every other text.
/// </summary>
public sealed class MudTexts(IStringLocalizer<MudTexts> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}

/// <summary>Registers <see cref="MudTexts"/> as MudBlazor's localizer.</summary>
public static class MudTextsSetup
{
    /// <summary>MudBlazor's texts from our resources (call with or after <c>AddMudServices</c>; needs <c>AddSiteLocalization</c>).</summary>
    public static IServiceCollection AddMudTexts(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Transient<MudLocalizer, MudTexts>());
        return services;
    }
}
