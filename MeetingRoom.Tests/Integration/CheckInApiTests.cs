using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// QR check-in (D2) through HTTP: the door's QR image decodes (Debian zbar-tools) to a /checkin URL whose code starts
/// the meeting for the booker only, and stops working once it has rotated.
/// </summary>
public sealed class CheckInApiTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    /// <summary>A new room with a door display, booked now (10:00 period) by a new member.</summary>
    private async Task<(string DoorUrl, ApiClient Booker, Guid Booking)> BookedDoorAsync(string name)
    {
        app.Clock.Set(DefaultNow);
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync(name);
        var door = (await (await admin.PostAsync($"/api/rooms/{room}/door-displays")).Json()).GetProperty("url").GetString()!;
        var booker = await app.SignInNewAsync();
        var booking = await booker.BookOkAsync(room, Today, "10:00");
        return (door, booker, booking);
    }

    /// <summary>The door's QR image, decoded with zbarimg, and the code at the end of its URL.</summary>
    private async Task<(string Url, string Code)> ScanAsync(string doorUrl)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(doorUrl + "/qr.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Directory.CreateDirectory(app.Folder); // on PostgreSQL no database file made it
        var file = Path.Combine(app.Folder, $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var zbar = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true })!;
        var url = (await zbar.StandardOutput.ReadToEndAsync()).Trim();
        await zbar.WaitForExitAsync();
        Assert.Equal(0, zbar.ExitCode);
        Assert.Contains("/checkin/", url);
        return (url, url[(url.LastIndexOf('/') + 1)..]);
    }

    [Fact]
    public async Task Scanned_code_starts_the_meeting_for_the_booker()
    {
        var (door, booker, booking) = await BookedDoorAsync("Quay");
        var (_, code) = await ScanAsync(door);

        var response = await booker.PostAsync($"/api/checkin/{code}");

        await response.ShouldBe(HttpStatusCode.OK);
        var started = await response.Json();
        Assert.Equal(booking, started.GetProperty("id").GetGuid());
        Assert.Equal(nameof(BookingState.InMeeting), started.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Scanned_code_is_refused_for_anyone_but_the_booker_with_the_usual_refusal()
    {
        var (door, _, _) = await BookedDoorAsync("Pier");
        var (_, code) = await ScanAsync(door);
        var other = await app.SignInNewAsync();

        await (await other.PostAsync($"/api/checkin/{code}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not-the-booker");
    }

    [Fact]
    public async Task Code_is_refused_as_expired_once_it_has_rotated()
    {
        var (door, booker, _) = await BookedDoorAsync("Jetty");
        var (_, code) = await ScanAsync(door);

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        await (await booker.PostAsync($"/api/checkin/{code}")).ShouldBeProblem(HttpStatusCode.Gone, "checkin-code-expired");
        await (await booker.PostAsync("/api/checkin/garbage")).ShouldBeProblem(HttpStatusCode.Gone, "checkin-code-expired");
    }

    [Fact]
    public async Task Door_of_a_free_room_between_periods_has_no_qr_and_an_unknown_door_none_either()
    {
        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T12:30:00+09:00")); // lunch: no period runs
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Slipway");
        var door = (await (await admin.PostAsync($"/api/rooms/{room}/door-displays")).Json()).GetProperty("url").GetString()!;
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(door + "/qr.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/door/nope/qr.png")).StatusCode);
        app.Clock.Set(DefaultNow);
    }
}
