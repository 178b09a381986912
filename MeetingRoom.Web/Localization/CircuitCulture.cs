using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.WebUtilities;

namespace MeetingRoom.Web.Localization;

/// <summary>
/// Gives an interactive page's circuit the language its page was loaded in. A circuit runs over its own request
/// (<c>/_blazor</c>), which carries the person's cookie and <c>Accept-Language</c> but not the page's
/// <c>?lang=</c>, nor whether the page is a wall or door display; this handler decides the circuit's language from
/// the page's address the same way as <see cref="SiteLocalization"/> does for the page (explicit <c>?lang=</c>, else
/// the site default on a display, else the request's) and sets it around everything the browser sends.
/// One per circuit.
/// </summary>
public sealed class CircuitCulture(NavigationManager navigation, SiteLanguage site) : CircuitHandler
{
    private CultureInfo? _culture;

    /// <inheritdoc />
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            _culture ??= await ResolveAsync();
            UiCulture.Of(_culture).Apply();
            await next(context);
        };

    private async Task<CultureInfo> ResolveAsync()
    {
        string address;
        try { address = navigation.Uri; }
        catch (InvalidOperationException) { return CultureInfo.CurrentUICulture; } // not initialized: keep the request's
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return CultureInfo.CurrentUICulture;
        var query = QueryHelpers.ParseQuery(uri.Query);
        if (query.TryGetValue(SiteCultures.QueryKey, out var lang) && SiteCultures.Match(lang.ToString()) is { } asked)
            return CultureInfo.GetCultureInfo(asked);
        var relative = "/" + navigation.ToBaseRelativePath(address).Split('?', '#')[0];
        if (PersonalRequestCultureProvider.IsDisplay(relative))
            return CultureInfo.GetCultureInfo(await site.DefaultAsync());
        return CultureInfo.CurrentUICulture;
    }
}
