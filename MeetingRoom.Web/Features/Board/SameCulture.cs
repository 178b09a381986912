using System.Globalization;

namespace MeetingRoom.Web.Features.Board;

/// <summary>
/// Keeps a live component's language for work that reaches it from elsewhere. A schedule push runs on the thread
/// of whoever committed the change (another member's request, the outbox dispatcher), so a re-render it triggers
/// would otherwise be written in that thread's culture, not the circuit's: wrap the callback when subscribing.
/// </summary>
public static class SameCulture
{
    /// <summary>
    /// <paramref name="work"/>, run in the culture and UI culture current now (when the component subscribes)
    /// whatever thread later calls it.
    /// </summary>
    public static Func<T, Task> Capture<T>(Func<T, Task> work)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return arg =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
            return work(arg);
        };
    }

    /// <summary>
    /// <paramref name="work"/>, run in the culture and UI culture current now, whatever thread (e.g. a timer's) later calls it.
    /// </summary>
    public static Func<Task> Capture(Func<Task> work)
    {
        var run = Capture<bool>(_ => work());
        return () => run(true);
    }
}
