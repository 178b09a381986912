using System.Globalization;
using MeetingRoom.Tests.Components;
using MeetingRoom.Web.Features.Board;

namespace MeetingRoom.Tests.Board;

/// <summary>A push or a tick from another thread runs in the language of the component that subscribed.</summary>
public sealed class SameCultureTests
{
    [Fact]
    public async Task Work_called_from_an_English_thread_runs_in_the_subscribers_Korean()
    {
        Func<string, Task> push;
        string? culture = null, ui = null;
        using (InCulture.Use("ko"))
            push = SameCulture.Capture<string>(_ => { (culture, ui) = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name); return Task.CompletedTask; });

        await Task.Run(async () =>
        {
            using var english = InCulture.Use("en");
            await push("update");
        });

        Assert.Equal(("ko", "ko"), (culture, ui));
    }

    [Fact]
    public async Task A_tick_runs_in_the_culture_current_when_it_was_captured()
    {
        string? ui = null;
        Func<Task> tick;
        using (InCulture.Use("en"))
            tick = SameCulture.Capture(() => { ui = CultureInfo.CurrentUICulture.Name; return Task.CompletedTask; });

        await Task.Run(async () =>
        {
            using var korean = InCulture.Use("ko");
            await tick();
        });

        Assert.Equal("en", ui);
    }
}
