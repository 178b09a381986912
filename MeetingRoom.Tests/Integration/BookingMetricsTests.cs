using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The booking metrics of <see cref="MeetingRoomMetrics"/> (issue 24), collected per app with
/// <see cref="MetricCollector{T}"/>: every answered booking request counted once by result, and the attempts at an
/// opening with their latency from the opening instant, by the test clock. Windows open at the period start (the
/// default rule); each test has its own app.
/// </summary>
public sealed class BookingMetricsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opening = DateTimeOffset.Parse($"{Today}T13:00:00+09:00");
    private readonly MeetingRoomFactory _app = new() { Clock = new TestClock(Opening.AddSeconds(-5)) };
    private MetricCollector<long> _bookings = null!;
    private MetricCollector<long> _attempts = null!;
    private MetricCollector<double> _latency = null!;

    public Task InitializeAsync()
    {
        var meters = _app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _bookings = new MetricCollector<long>(meters, MeetingRoomMetrics.MeterName, "meetingroom.bookings");
        _attempts = new MetricCollector<long>(meters, MeetingRoomMetrics.MeterName, "meetingroom.opening.attempts");
        _latency = new MetricCollector<double>(meters, MeetingRoomMetrics.MeterName, "meetingroom.opening.answer_latency");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _bookings.Dispose();
        _attempts.Dispose();
        _latency.Dispose();
        await _app.DisposeAsync();
    }

    private Dictionary<string, long> CountsByResult() => _bookings.GetMeasurementSnapshot()
        .GroupBy(m => (string)m.Tags["result"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task Booking_answers_are_counted_once_by_result()
    {
        _app.Clock.Set(DefaultNow); // 10:05: the 10:00 period is open, the 13:00 one is not
        var admin = await _app.SignInNewAsync(admin: true);
        var (harbor, dock) = (await admin.CreateRoomAsync("Harbor"), await admin.CreateRoomAsync("Dock"));
        var (first, second) = (await _app.SignInNewAsync(), await _app.SignInNewAsync());
        await (await admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 1, maxUpcoming = 0, adminsExempt = false }))
            .ShouldBe(HttpStatusCode.OK);

        await (await first.BookAsync(harbor, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
        await (await second.BookAsync(harbor, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        await (await second.BookAsync(harbor, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken"); // known held: from memory
        await (await first.BookAsync(dock, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");
        await (await second.BookAsync(dock, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "not-open-yet");

        Assert.Equal(new Dictionary<string, long> { ["created"] = 1, ["slot-taken"] = 2, ["member-limit"] = 1, ["not-open-yet"] = 1 },
            CountsByResult());
        Assert.Empty(_attempts.GetMeasurementSnapshot()); // the 10:00 window opened an hour before: no attempt at an opening
    }

    [Fact]
    public async Task Booking_from_a_page_goes_through_the_service_and_is_counted_there()
    {
        _app.Clock.Set(DefaultNow);
        var admin = await _app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Page room");
        await using var scope = _app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<BookingService>(); // what the Book page calls
        var who = MeetingRoom.Domain.Common.Actor.Member("page-member");

        var answer = await service.BookAsync(who, "Page Member", new BookRequest(room, Today, "10:00"));

        Assert.True(answer.IsOk, answer.Problem?.Detail);
        Assert.Equal(new Dictionary<string, long> { ["created"] = 1 }, CountsByResult());
    }

    [Fact]
    public async Task Attempts_at_an_opening_are_counted_with_their_latency_from_the_opening_instant()
    {
        var admin = await _app.SignInNewAsync(admin: true);
        var (harbor, dock) = (await admin.CreateRoomAsync("Harbor"), await admin.CreateRoomAsync("Dock"));
        var (first, second, late) = (await _app.SignInNewAsync(), await _app.SignInNewAsync(), await _app.SignInNewAsync());

        var early = first.BookAsync(harbor, Today, "13:00"); // five seconds early: waits in line
        await Until(() => _app.Services.GetRequiredService<OpeningLine>().Waiting == 1);
        _app.Clock.Set(Opening.AddSeconds(3)); // the line is let in, three seconds after the opening instant
        await (await early).ShouldBe(HttpStatusCode.Created);
        await (await second.BookAsync(harbor, Today, "13:00")).ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        _app.Clock.Set(Opening.AddMinutes(2)); // past the opening's first minute
        await (await late.BookAsync(dock, Today, "13:00")).ShouldBe(HttpStatusCode.Created);

        Assert.Equal(2, _attempts.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(_latency.GetMeasurementSnapshot(), m => Assert.Equal(3.0, m.Value));
        Assert.Equal(2, _latency.GetMeasurementSnapshot().Count);
        Assert.Equal(3, _bookings.GetMeasurementSnapshot().Sum(m => m.Value));
    }
}
