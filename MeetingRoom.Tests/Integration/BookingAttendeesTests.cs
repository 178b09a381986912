using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// <c>attendees</c> on <c>POST /api/bookings</c> (issue 23, capacity fit): kept and returned when it is 1 to the room's
/// capacity × 3; otherwise a 400 invalid-input problem naming the field, and nothing is booked.
/// </summary>
public sealed class BookingAttendeesTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static Task<HttpResponseMessage> BookAsync(ApiClient member, int room, int? attendees) =>
        member.PostAsync("/api/bookings", new { roomId = room, date = Today, start = "10:00", attendees });

    [Fact]
    public async Task Booking_with_attendees_returns_them_and_keeps_them()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Fit-" + Guid.NewGuid().ToString("N")[..6], capacity: 4);

        var response = await BookAsync(member, room, 12);

        await response.ShouldBe(HttpStatusCode.Created);
        var booking = await response.Json();
        Assert.Equal(12, booking.GetProperty("attendees").GetInt32());
        var again = await member.GetJsonAsync<JsonElement>($"/api/bookings/{booking.GetProperty("id").GetGuid()}");
        Assert.Equal(12, again.GetProperty("attendees").GetInt32());
        var mine = await member.GetJsonAsync<JsonElement>("/api/me/bookings");
        Assert.Equal(12, mine.EnumerateArray().Single().GetProperty("attendees").GetInt32());
    }

    [Fact]
    public async Task Booking_without_attendees_returns_null()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("NoCount-" + Guid.NewGuid().ToString("N")[..6], capacity: 4);

        var response = await member.BookAsync(room, Today, "10:00");

        await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, (await response.Json()).GetProperty("attendees").ValueKind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(13)] // capacity 4 × 3 + 1
    public async Task Absurd_attendees_are_a_clear_problem_on_the_field_and_book_nothing(int attendees)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Absurd-" + Guid.NewGuid().ToString("N")[..6], capacity: 4);

        var problem = await (await BookAsync(member, room, attendees)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        var why = Assert.Single(problem.GetProperty("errors").GetProperty("attendees").EnumerateArray()).GetString()!;
        Assert.Contains(attendees > 0 ? "12" : "at least 1", why);
        Assert.Empty((await member.GetJsonAsync<JsonElement>("/api/me/bookings")).EnumerateArray());
        await (await BookAsync(member, room, 4)).ShouldBe(HttpStatusCode.Created); // the slot stayed free
    }
}
