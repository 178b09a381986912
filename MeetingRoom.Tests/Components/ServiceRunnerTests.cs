using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingRoom.Tests.Components;

/// <summary>The UI's service calls: one scope per call, and "too many requests" retried with a busy notice.</summary>
public class ServiceRunnerTests
{
    private sealed class Flaky
    {
        public static int Calls;
        public static int FailFirst;
        public Task<AppResult<string>> RunAsync() => Task.FromResult<AppResult<string>>(
            Interlocked.Increment(ref Calls) <= FailFirst
                ? new AppProblem(ProblemCodes.TooManyRequests, 429, "Too many requests.", "Slow down.")
                : "done");
    }

    [Fact]
    public async Task Too_many_requests_is_retried_with_a_busy_notice_then_succeeds()
    {
        Flaky.Calls = 0;
        Flaky.FailFirst = 2;
        var busy = new List<int>();
        var runner = new ServiceRunner(new ServiceCollection().AddScoped<Flaky>().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        var result = await runner.RunWithRetryAsync<Flaky, string>(f => f.RunAsync(), attempt => { busy.Add(attempt); return Task.CompletedTask; });

        Assert.True(result.IsOk);
        Assert.Equal("done", result.Value);
        Assert.Equal([1, 2], busy);
    }

    [Fact]
    public async Task Gives_up_after_the_last_retry_with_the_problem()
    {
        Flaky.Calls = 0;
        Flaky.FailFirst = 100;
        var runner = new ServiceRunner(new ServiceCollection().AddScoped<Flaky>().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        var result = await runner.RunWithRetryAsync<Flaky, string>(f => f.RunAsync());

        Assert.Equal(ProblemCodes.TooManyRequests, result.Problem?.Code);
        Assert.Equal(ServiceRunner.MaxRetries + 1, Flaky.Calls);
    }

    [Fact]
    public async Task A_retry_waits_for_the_back_off_on_the_injected_clock()
    {
        Flaky.Calls = 0;
        Flaky.FailFirst = 1;
        var clock = new FakeTimeProvider();
        var runner = new ServiceRunner(new ServiceCollection().AddScoped<Flaky>().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), clock);

        var running = runner.RunWithRetryAsync<Flaky, string>(f => f.RunAsync());
        var waitedBefore = !running.IsCompleted;
        clock.Advance(ServiceRunner.FirstBackoff);

        Assert.True(waitedBefore && (await running).IsOk);
    }

    [Fact]
    public async Task Each_call_gets_its_own_scope()
    {
        var services = new ServiceCollection().AddScoped<object>(_ => new object()).BuildServiceProvider();
        var runner = new ServiceRunner(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        var first = await runner.RunAsync<object, object>(Task.FromResult);
        var second = await runner.RunAsync<object, object>(Task.FromResult);

        Assert.NotSame(first, second);
    }
}
