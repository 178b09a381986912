using System.Net;
using System.Text.Json;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The series API (issue 22) as tests call it: request bodies for <c>POST /api/admin/series(/preview)</c>, creating one, and reading
/// its occurrences back, from the API and from the database.
/// </summary>
public static class SeriesApi
{
    /// <summary>A series request body: the room's period starting at <paramref name="start"/> from <paramref name="firstDate"/>.</summary>
    public static object Body(int roomId, string firstDate, object rule, string? bookerId = null, bool skipConflicts = false,
        string start = "10:00", string? title = "Weekly sync") =>
        new { roomId, start, firstDate, title, rule, bookerId, skipConflicts };

    /// <summary>Every <paramref name="interval"/> day(s), <paramref name="count"/> times.</summary>
    public static object Daily(int count, int interval = 1) => new { frequency = "Daily", interval, count };

    /// <summary>Weekly on <paramref name="days"/> (e.g. "Monday"), <paramref name="count"/> times.</summary>
    public static object Weekly(int count, params string[] days) => new { frequency = "Weekly", count, byWeekday = days };

    /// <summary>Creates a series as <paramref name="admin"/> (asserts 201); returns the answer.</summary>
    public static async Task<JsonElement> CreateSeriesOkAsync(this ApiClient admin, object body)
    {
        var response = await admin.PostAsync("/api/admin/series", body);
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.Json();
    }

    /// <summary>The preview of a series as <paramref name="admin"/> (asserts 200).</summary>
    public static async Task<JsonElement> PreviewOkAsync(this ApiClient admin, object body)
    {
        var response = await admin.PostAsync("/api/admin/series/preview", body);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Json();
    }

    /// <summary>The series as <c>GET /api/admin/series/{id}</c> gives it.</summary>
    public static Task<JsonElement> SeriesAsync(this ApiClient admin, Guid id) => admin.GetJsonAsync<JsonElement>($"/api/admin/series/{id}");

    public static Guid IdOf(JsonElement series) => series.GetProperty("id").GetGuid();

    /// <summary>The occurrences' states in date order, e.g. ["Reserved", "Booked", …].</summary>
    public static string[] States(JsonElement series) =>
        series.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("state").GetString()!).ToArray();

    /// <summary>The occurrence of <paramref name="date"/> ("yyyy-MM-dd").</summary>
    public static JsonElement Occurrence(JsonElement series, string date) =>
        series.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("date").GetString() == date);

    /// <summary>The series' bookings as stored, by date: state, title and booker.</summary>
    public static async Task<List<(DateOnly Date, string State, string? Title, string BookedBy)>> StoredOccurrencesAsync(IServiceProvider services, Guid seriesId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).ToListAsync();
        return rows.OrderBy(b => b.Date).Select(b => (b.Date, b.State.ToString(), b.Title, b.BookedBy.Value)).ToList();
    }

    /// <summary>How many series and how many series bookings are stored (to show that a refused request wrote nothing).</summary>
    public static async Task<(int Series, int Bookings)> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Series.CountAsync(), await db.Bookings.CountAsync(b => b.SeriesId != null));
    }
}
