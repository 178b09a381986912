using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Room registration, editing and deletion (R1, R2) through the API.</summary>
public sealed class RoomAdminTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Registered_room_with_equipment_is_listed_for_members()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();

        var id = await admin.CreateRoomAsync("Aurora", floor: 4, capacity: 8, requiresApproval: false, "Projector", "Whiteboard");

        var room = await member.GetJsonAsync<JsonElement>($"/api/rooms/{id}");
        Assert.Equal("Aurora", room.GetProperty("name").GetString());
        Assert.Equal(4, room.GetProperty("floor").GetInt32());
        Assert.Equal(["Projector", "Whiteboard"], room.GetProperty("equipment").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray());
        var list = await member.GetJsonAsync<JsonElement>("/api/rooms");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Invalid_room_is_400_with_errors_next_to_each_field()
    {
        var admin = await app.SignInNewAsync(admin: true);

        var problem = await (await admin.PostAsync("/api/rooms", new { name = " ", capacity = 0, floor = 1 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("capacity", out _));
    }

    [Fact]
    public async Task A_second_room_with_the_same_name_is_409_room_name_taken()
    {
        var admin = await app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Borealis");

        await (await admin.PostAsync("/api/rooms", new { name = "borealis", floor = 2, capacity = 4 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "room-name-taken");
    }

    [Fact]
    public async Task Editing_a_room_replaces_its_details_and_equipment()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var id = await admin.CreateRoomAsync("Comet", 1, 4, false, "TV screen");

        var response = await admin.PutAsync($"/api/rooms/{id}", new
        {
            name = "Comet XL", floor = 2, capacity = 10, requiresApproval = true,
            equipment = new[] { new { name = "Projector", quantity = 2 } },
        });

        await response.ShouldBe(HttpStatusCode.OK);
        var room = await response.Json();
        Assert.Equal("Comet XL", room.GetProperty("name").GetString());
        Assert.True(room.GetProperty("requiresApproval").GetBoolean());
        var equipment = Assert.Single(room.GetProperty("equipment").EnumerateArray());
        Assert.Equal(2, equipment.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Deleting_a_room_cancels_its_future_bookings_and_hides_it()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await admin.CreateRoomAsync("Doomed");
        var booking = await member.BookOkAsync(id, Today, "10:00");

        await (await admin.DeleteAsync($"/api/rooms/{id}")).ShouldBe(HttpStatusCode.NoContent);

        var mine = await member.GetJsonAsync<JsonElement>($"/api/bookings/{booking}");
        Assert.Equal("Cancelled", mine.GetProperty("state").GetString());
        await (await member.GetAsync($"/api/rooms/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
        await (await member.BookAsync(id, Today, "10:00")).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-room");
    }

    [Fact]
    public async Task A_deleted_rooms_name_can_be_used_again()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var id = await admin.CreateRoomAsync("Phoenix");
        await admin.DeleteAsync($"/api/rooms/{id}");

        await admin.CreateRoomAsync("Phoenix");
    }
}
