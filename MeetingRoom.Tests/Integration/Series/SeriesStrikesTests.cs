using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Meetings;
using MeetingRoom.Web.Features.Series;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static MeetingRoom.Tests.Support.SeriesApi;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// No ghost meetings (issue 22): occurrences are released as no-shows like any booking (10 minutes after the period starts), and
/// after the site's <c>seriesNoShowStrikes</c> (default 3) in a row the rest of the series is cancelled. The clock starts each test
/// at Monday 2026-11-23 10:05 (Seoul) and is moved by the test; the series is the 10:00 period daily from Tuesday 2026-11-24, five
/// times, booked for the admin who makes it.
/// </summary>
public sealed class SeriesStrikesTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Set(MeetingRoomFactory.DefaultNow);
        _admin = await app.SignInNewAsync(admin: true);
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart", noShowMinutes = 10, seriesNoShowStrikes = 3 }))
            .ShouldBe(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> FiveDaysAsync() =>
        await _admin.CreateSeriesOkAsync(Body(await _admin.CreateRoomAsync($"Strikes {Guid.NewGuid():N}"), "2026-11-24", Daily(5)));

    /// <summary>Moves the clock past the no-show limit of <paramref name="day"/>'s occurrence (10:10) and runs the clock's pass.</summary>
    private async Task NoShowOnAsync(int day)
    {
        app.Clock.Set(DateTimeOffset.Parse($"2026-11-{day}T10:10:00+09:00"));
        await app.Services.GetServices<IHostedService>().OfType<BookingClock>().Single().RunOnceAsync();
    }

    [Fact]
    public async Task Three_no_shows_in_a_row_end_the_series_and_cancel_the_rest()
    {
        var id = IdOf(await FiveDaysAsync());

        foreach (var day in new[] { 24, 25, 26 }) await NoShowOnAsync(day);
        await app.WaitForHandlerAsync(SeriesStrikes.HandlerName);

        var series = await _admin.SeriesAsync(id);
        Assert.Equal("EndedForNoShows", series.GetProperty("state").GetString());
        Assert.Equal(["NoShow", "NoShow", "NoShow", "Cancelled", "Cancelled"], States(series));
    }

    [Fact]
    public async Task Two_no_shows_in_a_row_leave_the_series_active()
    {
        var id = IdOf(await FiveDaysAsync());

        foreach (var day in new[] { 24, 25 }) await NoShowOnAsync(day);
        await app.WaitForHandlerAsync(SeriesStrikes.HandlerName);

        var series = await _admin.SeriesAsync(id);
        Assert.Equal("Active", series.GetProperty("state").GetString());
        Assert.Equal(["NoShow", "NoShow", "Reserved", "Reserved", "Reserved"], States(series));
    }

    [Fact]
    public async Task A_meeting_held_in_between_starts_the_count_again()
    {
        var series = await FiveDaysAsync();
        foreach (var day in new[] { 24, 25 }) await NoShowOnAsync(day);
        app.Clock.Set(DateTimeOffset.Parse("2026-11-26T10:00:00+09:00"));
        var thursday = Occurrence(series, "2026-11-26").GetProperty("bookingId").GetGuid();
        await (await _admin.PostAsync($"/api/bookings/{thursday}/start")).ShouldBe(HttpStatusCode.OK);

        await NoShowOnAsync(27);
        await app.WaitForHandlerAsync(SeriesStrikes.HandlerName);

        Assert.Equal("Active", (await _admin.SeriesAsync(IdOf(series))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Zero_strikes_never_end_a_series()
    {
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart", seriesNoShowStrikes = 0 })).ShouldBe(HttpStatusCode.OK);
        var id = IdOf(await FiveDaysAsync());

        foreach (var day in new[] { 24, 25, 26, 27 }) await NoShowOnAsync(day);
        await app.WaitForHandlerAsync(SeriesStrikes.HandlerName);

        Assert.Equal("Active", (await _admin.SeriesAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_strikes_are_a_site_setting_of_the_booking_window_defaulting_to_three()
    {
        var window = await _admin.GetJsonAsync<JsonElement>("/api/admin/booking-window");

        Assert.Equal(3, window.GetProperty("seriesNoShowStrikes").GetInt32());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public async Task Strikes_outside_zero_to_fifty_are_invalid_input(int strikes)
    {
        var response = await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart", seriesNoShowStrikes = strikes });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("seriesNoShowStrikes", out _));
    }
}
