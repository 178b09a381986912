using System.Text.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary><c>GET /api/schedule</c>: every room × period with its state (S1). Clock: 2026-11-23 10:05 Asia/Seoul.</summary>
public sealed class ScheduleTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Schedule_shows_each_period_state_booker_and_opening()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync(name: "Sora Choi");
        var room = await admin.CreateRoomAsync("Schedule room", floor: 2);
        var id = await member.BookOkAsync(room, Today, "10:00");
        await member.PostAsync($"/api/bookings/{id}/start");

        await app.WaitForHandlerAsync();
        var schedule = await member.GetJsonAsync<JsonElement>($"/api/schedule?date={Today}");

        var cells = schedule.GetProperty("rooms").EnumerateArray()
            .Single(r => r.GetProperty("roomId").GetInt32() == room)
            .GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("start").GetString()!);
        Assert.Equal("Closed", cells["08:00"].GetProperty("state").GetString());
        Assert.Equal("InMeeting", cells["10:00"].GetProperty("state").GetString());
        Assert.Equal("Sora Choi", cells["10:00"].GetProperty("bookedBy").GetString());
        Assert.Equal(id, cells["10:00"].GetProperty("bookingId").GetGuid());
        Assert.Equal("2026-11-23T10:05:00+09:00", cells["10:00"].GetProperty("since").GetString());
        Assert.Equal("NotYetOpen", cells["13:00"].GetProperty("state").GetString());
        Assert.Equal("2026-11-23T13:00:00+09:00", cells["13:00"].GetProperty("opensAt").GetString());
    }

    [Fact]
    public async Task A_meeting_ended_early_shows_the_slot_free_again()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Free again room");
        var id = await member.BookOkAsync(room, Today, "10:00");
        await member.PostAsync($"/api/bookings/{id}/start");
        await member.PostAsync($"/api/bookings/{id}/end");

        await app.WaitForHandlerAsync();
        var schedule = await member.GetJsonAsync<JsonElement>($"/api/schedule?date={Today}");

        var cell = schedule.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("roomId").GetInt32() == room)
            .GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("start").GetString() == "10:00");
        Assert.Equal("FreeAgain", cell.GetProperty("state").GetString());
    }
}
