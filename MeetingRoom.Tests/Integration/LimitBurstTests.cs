using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// F1 under a burst, on a real SQLite file: one member fires simultaneous requests at many rooms, and the
/// database's limit-place indexes let exactly as many through as the limit allows.
/// </summary>
public sealed class LimitBurstTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync() => _admin = await app.SignInNewAsync(admin: true);

    public async Task DisposeAsync()
    {
        await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 1, maxPerDay = 2, maxUpcoming = 10 });
        await _admin.PutAsync("/api/admin/booking-window", new { mode = "AtPeriodStart" });
    }

    private async Task<int[]> RoomsAsync(string prefix, int count)
    {
        var rooms = new int[count];
        for (var i = 0; i < count; i++) rooms[i] = await _admin.CreateRoomAsync($"{prefix} {i}");
        return rooms;
    }

    private static async Task<int> ActiveBookingsOfAsync(ApiClient member) =>
        (await member.GetJsonAsync<List<BookingDto>>("/api/me/bookings")).Count(b => b.State.IsActive());

    [Fact]
    public async Task Twenty_simultaneous_requests_of_one_member_at_twenty_rooms_of_one_period_give_exactly_one_booking()
    {
        var member = await app.SignInNewAsync();
        var rooms = await RoomsAsync("Twenty rooms", 20);

        var answers = await Burst.RunAsync(rooms.Select(room => (Func<Task<HttpResponseMessage>>)(() => member.BookAsync(room, Today, "10:00"))));

        Assert.Equal(1, answers.Count(a => a.Is(HttpStatusCode.Created)));
        Assert.Equal(19, answers.Count(a => a.Is(HttpStatusCode.Conflict, "member-limit")));
        Assert.Equal(1, await ActiveBookingsOfAsync(member));
    }

    [Fact]
    public async Task Simultaneous_requests_across_a_days_periods_give_exactly_the_per_day_limit()
    {
        await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 3, maxUpcoming = 0 });
        await _admin.PutAsync("/api/admin/booking-window", new { mode = "LeadTime", leadMinutes = 1440 });
        var member = await app.SignInNewAsync();
        var rooms = await RoomsAsync("Day burst", 5);
        var starts = new[] { "10:00", "13:00", "15:00", "17:00" };

        var answers = await Burst.RunAsync(rooms.SelectMany(room => starts.Select(start =>
            (Func<Task<HttpResponseMessage>>)(() => member.BookAsync(room, Today, start)))));

        Assert.Equal(3, answers.Count(a => a.Is(HttpStatusCode.Created)));
        Assert.Equal(17, answers.Count(a => a.Is(HttpStatusCode.Conflict, "member-limit")));
        Assert.Equal(3, await ActiveBookingsOfAsync(member));
    }

    [Fact]
    public async Task Bookings_made_while_a_limit_was_off_count_against_it_under_a_burst()
    {
        await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 0 });
        var member = await app.SignInNewAsync();
        var rooms = await RoomsAsync("Predating", 13);
        await member.BookOkAsync(rooms[0], Today, "10:00"); // holds no place: no limit was on
        await member.BookOkAsync(rooms[1], Today, "10:00");
        await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 3, maxPerDay = 0, maxUpcoming = 0 });

        var answers = await Burst.RunAsync(rooms.Skip(2).Select(room => (Func<Task<HttpResponseMessage>>)(() => member.BookAsync(room, Today, "10:00"))));

        Assert.Equal(1, answers.Count(a => a.Is(HttpStatusCode.Created)));
        Assert.Equal(3, await ActiveBookingsOfAsync(member));
    }

    [Fact]
    public async Task Simultaneous_requests_across_dates_give_exactly_the_upcoming_limit()
    {
        await _admin.PutAsync("/api/admin/booking-limits", new { maxPerPeriod = 0, maxPerDay = 0, maxUpcoming = 4 });
        await _admin.PutAsync("/api/admin/booking-window", new { mode = "DailyAt", dailyAt = "00:00", daysBefore = 14 });
        var member = await app.SignInNewAsync();
        var room = (await RoomsAsync("Upcoming burst", 1))[0];
        var dates = Enumerable.Range(0, 10).Select(d => DateOnly.Parse(Today).AddDays(d).ToString("yyyy-MM-dd"));

        var answers = await Burst.RunAsync(dates.SelectMany(date => new[] { "13:00", "15:00" }.Select(start =>
            (Func<Task<HttpResponseMessage>>)(() => member.BookAsync(room, date, start)))));

        Assert.Equal(4, answers.Count(a => a.Is(HttpStatusCode.Created)));
        Assert.Equal(4, await ActiveBookingsOfAsync(member));
    }
}
