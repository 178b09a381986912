using System.Net;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>With email on: a member whose place in line went with its deleted room is mailed once, like every notice (issue 25).</summary>
public sealed class RoomDeletionWaitlistEmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    [Fact]
    public async Task A_member_in_line_for_a_deleted_room_is_mailed_that_the_place_was_removed()
    {
        var app = fixture.App;
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Mail deleted line");
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
        var waiting = await app.SignInNewAsync();
        await (await waiting.PostAsync("/api/waitlist", new { roomId = room, date = Today, start = "10:00" })).ShouldBe(HttpStatusCode.Created);

        await (await admin.DeleteAsync($"/api/rooms/{room}")).ShouldBe(HttpStatusCode.NoContent);

        var mail = Assert.Single(await fixture.Smtp.WaitForAsync(waiting.Email!));
        Assert.StartsWith("Your place on the waitlist was removed", mail.Message.Subject);
        Assert.Contains("The room Mail deleted line was removed.", mail.Message.TextBody);
        Assert.Empty(mail.Message.Attachments);
    }
}
