using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Out of service and back (R3) through <c>POST /api/rooms/{id}/out-of-service</c> and <c>/in-service</c>.</summary>
public sealed class RoomOutOfServiceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Out_of_service_room_shows_its_reason_and_cannot_be_booked()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await admin.CreateRoomAsync("Broken-" + Guid.NewGuid().ToString("N")[..6]);

        var response = await admin.PostAsync($"/api/rooms/{id}/out-of-service", new { reason = "Leaking ceiling" });

        await response.ShouldBe(HttpStatusCode.OK);
        var room = await response.Json();
        Assert.True(room.GetProperty("isOutOfService").GetBoolean());
        Assert.Equal("Leaking ceiling", room.GetProperty("outOfServiceReason").GetString());
        await (await member.BookAsync(id, Today, "10:00")).ShouldBeProblem(HttpStatusCode.Conflict, "room-out-of-service");
        var schedule = await member.GetJsonAsync<JsonElement>($"/api/schedule?date={Today}");
        var cells = schedule.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("roomId").GetInt32() == id).GetProperty("cells");
        Assert.All(cells.EnumerateArray(), c => Assert.Equal("OutOfService", c.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Out_of_service_needs_a_reason_an_admin_and_an_existing_room()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await admin.CreateRoomAsync("NoReason-" + Guid.NewGuid().ToString("N")[..6]);

        var problem = await (await admin.PostAsync($"/api/rooms/{id}/out-of-service", new { reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        await (await member.PostAsync($"/api/rooms/{id}/out-of-service", new { reason = "x" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.PostAsync("/api/rooms/999999/out-of-service", new { reason = "x" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
    }

    [Fact]
    public async Task In_service_makes_the_room_bookable_again()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await admin.CreateRoomAsync("Fixed-" + Guid.NewGuid().ToString("N")[..6]);
        await (await admin.PostAsync($"/api/rooms/{id}/out-of-service", new { reason = "Painting" })).ShouldBe(HttpStatusCode.OK);

        var response = await admin.PostAsync($"/api/rooms/{id}/in-service");

        await response.ShouldBe(HttpStatusCode.OK);
        var room = await response.Json();
        Assert.False(room.GetProperty("isOutOfService").GetBoolean());
        Assert.Equal(JsonValueKind.Null, room.GetProperty("outOfServiceReason").ValueKind);
        await member.BookOkAsync(id, Today, "10:00");
        await (await member.PostAsync($"/api/rooms/{id}/in-service")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
