using System.Globalization;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// Switches the current culture and UI culture (e.g. to Korean) until disposed, then restores the previous ones:
/// <c>using var korean = InCulture.Use("ko");</c>. Set in the test method itself, it flows into what the test
/// renders and calls.
/// </summary>
public sealed class InCulture : IDisposable
{
    private readonly CultureInfo _before = CultureInfo.CurrentCulture;
    private readonly CultureInfo _beforeUi = CultureInfo.CurrentUICulture;

    private InCulture(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static InCulture Use(string name) => new(name);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_before, _beforeUi);
}
