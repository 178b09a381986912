using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.SeriesApi;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Series through the API (issue 22): create, preview with conflicts, skipping them, and editing and cancelling by scope. The
/// app's clock stands at Monday 2026-11-23 10:05 (Seoul); the default series is the 10:00 period on the four Mondays from
/// 2026-11-30. Booking windows open 30 days ahead here, so members can book the same slots; the limits are off.
/// </summary>
public sealed class SeriesApiTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private const string FirstMonday = "2026-11-30";
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.SignInNewAsync(admin: true);
        await (await _admin.PutAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 30 * 24 * 60 })).ShouldBe(HttpStatusCode.OK);
        await (await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 })).ShouldBe(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> RoomAsync() => await _admin.CreateRoomAsync($"Series {Guid.NewGuid():N}");

    private static object FourMondays(int room, bool skipConflicts = false, string? bookerId = null) =>
        Body(room, FirstMonday, Weekly(4, "Monday"), bookerId, skipConflicts);

    [Fact]
    public async Task Creating_a_series_books_every_occurrence_and_answers_201_with_its_location()
    {
        var response = await _admin.PostAsync("/api/admin/series", FourMondays(await RoomAsync()));

        await response.ShouldBe(HttpStatusCode.Created);
        var series = await response.Json();
        Assert.Equal($"/api/admin/series/{IdOf(series)}", response.Headers.Location?.OriginalString);
        Assert.Equal(["Reserved", "Reserved", "Reserved", "Reserved"], States(series));
        Assert.Equal("FREQ=WEEKLY;COUNT=4;BYDAY=MO", series.GetProperty("rrule").GetString());
    }

    [Fact]
    public async Task The_occurrences_are_confirmed_bookings_of_the_booker()
    {
        var member = await app.SignInNewAsync();
        var memberId = await MemberSeeder.IdOfAsync(app.Services, member.Email!);

        var series = await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync(), bookerId: memberId));

        var mine = await member.GetJsonAsync<JsonElement>("/api/me/bookings");
        var ids = series.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("bookingId").GetGuid()).ToHashSet();
        var held = mine.EnumerateArray().Where(b => ids.Contains(b.GetProperty("id").GetGuid())).ToList();
        Assert.Equal(4, held.Count);
        Assert.All(held, b => Assert.Equal("Confirmed", b.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Without_a_booker_the_admin_is_the_booker()
    {
        var adminId = await MemberSeeder.IdOfAsync(app.Services, _admin.Email!);

        var series = await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync()));

        Assert.Equal(adminId, series.GetProperty("bookerId").GetString());
    }

    [Fact]
    public async Task The_preview_shows_a_members_booking_as_booked_by_them_and_writes_nothing()
    {
        var room = await RoomAsync();
        var member = await app.SignInNewAsync(name: "Dana Holder");
        await member.BookOkAsync(room, "2026-12-07", "10:00");
        var before = await CountAsync(app.Services);

        var preview = await _admin.PreviewOkAsync(FourMondays(room));

        Assert.Equal(["Free", "Booked", "Free", "Free"], States(preview));
        Assert.Equal("Dana Holder", Occurrence(preview, "2026-12-07").GetProperty("bookedBy").GetString());
        Assert.Equal((3, 1), (preview.GetProperty("free").GetInt32(), preview.GetProperty("conflicts").GetInt32()));
        Assert.Equal(before, await CountAsync(app.Services));
    }

    [Fact]
    public async Task Saving_while_an_occurrence_conflicts_without_skipConflicts_is_refused_and_writes_nothing()
    {
        var room = await RoomAsync();
        await (await app.SignInNewAsync()).BookOkAsync(room, "2026-12-07", "10:00");
        var before = await CountAsync(app.Services);

        var response = await _admin.PostAsync("/api/admin/series", FourMondays(room));

        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict, "series-conflicts");
        Assert.Equal("2026-12-07", Assert.Single(problem.GetProperty("occurrences").EnumerateArray()).GetProperty("date").GetString());
        Assert.Equal(before, await CountAsync(app.Services));
    }

    [Fact]
    public async Task Saving_with_skipConflicts_books_the_free_occurrences_and_reports_the_skipped_one()
    {
        var room = await RoomAsync();
        await (await app.SignInNewAsync(name: "Erin Early")).BookOkAsync(room, "2026-12-07", "10:00");

        var series = await _admin.CreateSeriesOkAsync(FourMondays(room, skipConflicts: true));

        Assert.Equal(["Reserved", "Booked", "Reserved", "Reserved"], States(series));
        Assert.Equal("Erin Early", Occurrence(series, "2026-12-07").GetProperty("bookedBy").GetString());
        Assert.Equal(3, (await StoredOccurrencesAsync(app.Services, IdOf(series))).Count);
    }

    [Fact]
    public async Task The_preview_marks_an_occurrence_whose_period_is_over_as_past()
    {
        var preview = await _admin.PreviewOkAsync(Body(await RoomAsync(), MeetingRoomFactory.Today, Daily(2), start: "08:00"));

        Assert.Equal(["Past", "Free"], States(preview));
    }

    [Fact]
    public async Task Editing_an_occurrence_that_was_skipped_is_invalid_input_on_fromDate()
    {
        var room = await RoomAsync();
        await (await app.SignInNewAsync()).BookOkAsync(room, "2026-12-07", "10:00");
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(room, skipConflicts: true)));

        var response = await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "occurrence", fromDate = "2026-12-07", title = "Retro" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("fromDate", out _));
    }

    [Fact]
    public async Task A_series_the_room_is_out_of_service_for_cannot_be_saved()
    {
        var room = await RoomAsync();
        await (await _admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Paint" })).ShouldBe(HttpStatusCode.OK);

        var response = await _admin.PostAsync("/api/admin/series", FourMondays(room, skipConflicts: true));

        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict, "series-conflicts");
        Assert.All(problem.GetProperty("occurrences").EnumerateArray(), o => Assert.Equal("OutOfService", o.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_list_gives_each_series_with_its_upcoming_occurrences()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));

        var list = await _admin.GetJsonAsync<JsonElement>("/api/admin/series");

        var line = list.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal((4, "2026-12-21", "Active"), (line.GetProperty("upcoming").GetInt32(), line.GetProperty("lastDate").GetString(), line.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Editing_one_occurrence_changes_only_its_title()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));

        await (await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "occurrence", fromDate = "2026-12-07", title = "Retro" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(["Weekly sync", "Retro", "Weekly sync", "Weekly sync"], (await StoredOccurrencesAsync(app.Services, id)).Select(o => o.Title));
        Assert.Equal("Weekly sync", (await _admin.SeriesAsync(id)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Editing_this_and_following_gives_them_the_new_booker()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));
        var adminId = await MemberSeeder.IdOfAsync(app.Services, _admin.Email!);
        var memberId = await MemberSeeder.IdOfAsync(app.Services, (await app.SignInNewAsync()).Email!);

        await (await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "following", fromDate = "2026-12-14", bookerId = memberId })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([adminId, adminId, memberId, memberId], (await StoredOccurrencesAsync(app.Services, id)).Select(o => o.BookedBy));
    }

    [Fact]
    public async Task Editing_all_changes_the_series_and_every_occurrence()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));

        var response = await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "all", title = "Planning" });

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Planning", (await response.Json()).GetProperty("title").GetString());
        Assert.All(await StoredOccurrencesAsync(app.Services, id), o => Assert.Equal("Planning", o.Title));
    }

    [Fact]
    public async Task A_cancelled_occurrence_stays_cancelled_when_the_series_is_edited_later()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));
        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=occurrence&fromDate=2026-12-07")).ShouldBe(HttpStatusCode.OK);

        await (await _admin.PutAsync($"/api/admin/series/{id}", new { scope = "all", title = "Planning" })).ShouldBe(HttpStatusCode.OK);

        var stored = await StoredOccurrencesAsync(app.Services, id);
        Assert.Equal(("Cancelled", "Weekly sync"), (stored[1].State, stored[1].Title));
        Assert.Equal(["Reserved", "Cancelled", "Reserved", "Reserved"], States(await _admin.SeriesAsync(id)));
    }

    [Fact]
    public async Task Cancelling_one_occurrence_frees_its_slot_for_anyone()
    {
        var room = await RoomAsync();
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(room)));

        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=occurrence&fromDate=2026-12-07")).ShouldBe(HttpStatusCode.OK);

        await (await app.SignInNewAsync()).BookOkAsync(room, "2026-12-07", "10:00");
    }

    [Fact]
    public async Task Cancelling_this_and_following_keeps_the_earlier_ones_and_the_series()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));

        var response = await _admin.DeleteAsync($"/api/admin/series/{id}?scope=following&fromDate=2026-12-14");

        await response.ShouldBe(HttpStatusCode.OK);
        var series = await response.Json();
        Assert.Equal(["Reserved", "Reserved", "Cancelled", "Cancelled"], States(series));
        Assert.Equal("Active", series.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Cancelling_all_cancels_the_series_and_every_occurrence()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));

        var response = await _admin.DeleteAsync($"/api/admin/series/{id}?scope=all");

        var series = await response.Json();
        Assert.Equal("Cancelled", series.GetProperty("state").GetString());
        Assert.Equal(["Cancelled", "Cancelled", "Cancelled", "Cancelled"], States(series));
    }

    [Fact]
    public async Task A_cancelled_series_cannot_be_cancelled_again()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));
        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=all")).ShouldBe(HttpStatusCode.OK);

        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=all")).ShouldBeProblem(HttpStatusCode.Conflict, "wrong-state");
    }

    [Fact]
    public async Task A_cancelled_occurrence_cannot_be_cancelled_again()
    {
        var id = IdOf(await _admin.CreateSeriesOkAsync(FourMondays(await RoomAsync())));
        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=occurrence&fromDate=2026-12-07")).ShouldBe(HttpStatusCode.OK);

        await (await _admin.DeleteAsync($"/api/admin/series/{id}?scope=occurrence&fromDate=2026-12-07")).ShouldBeProblem(HttpStatusCode.Conflict, "wrong-state");
    }
}
