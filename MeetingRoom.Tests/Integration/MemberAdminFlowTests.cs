using System.Net;
using System.Text;
using System.Text.Json;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The admin flows that go through the invitations and access parts (P1): inviting (the link when no SMTP server is
/// configured), sending again, deactivating and reactivating as the member list shows them, and the real CSV import,
/// all or nothing. These need InvitationService and MemberDeactivation filled in (the other parts of issue 20).
/// </summary>
public sealed class MemberAdminFlowTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static string Token() => "f" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> RowAsync(ApiClient admin, string id) => await admin.GetJsonAsync<JsonElement>($"/api/admin/members/{id}");

    private async Task<int> UsersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }

    [Fact]
    public async Task Inviting_without_smtp_answers_201_with_the_link_and_lists_them_as_invited()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();

        var response = await admin.PostAsync("/api/admin/members/invitations", new { email = $"new.{t}@corp.example", name = $"New {t}", role = "Admin" });

        await response.ShouldBe(HttpStatusCode.Created);
        var sent = await response.Json();
        Assert.False(string.IsNullOrEmpty(sent.GetProperty("link").GetString()));
        var id = sent.GetProperty("memberId").GetString()!;
        Assert.Equal($"/api/admin/members/{id}", response.Headers.Location?.OriginalString);
        var row = await RowAsync(admin, id);
        Assert.Equal("Invited", row.GetProperty("status").GetString());
        Assert.Equal("Admin", row.GetProperty("role").GetString());
        Assert.Equal("None", row.GetProperty("signInMethod").GetString());
    }

    [Fact]
    public async Task Inviting_an_address_that_has_an_account_is_409()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();

        await (await admin.PostAsync("/api/admin/members/invitations", new { email = member.Email, name = "Again", role = "Member" }))
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sending_an_invitation_again_gives_a_new_link()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var first = await (await admin.PostAsync("/api/admin/members/invitations", new { email = $"again.{t}@corp.example", name = $"Again {t}", role = "Member" })).Json();
        var id = first.GetProperty("memberId").GetString()!;

        var again = await admin.PostAsync($"/api/admin/members/{id}/invitation");

        await again.ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(first.GetProperty("link").GetString(), (await again.Json()).GetProperty("link").GetString());
    }

    [Fact]
    public async Task Deactivating_cancels_the_upcoming_bookings_and_reactivating_makes_them_active_again()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var member = await app.SignInNewAsync(name: $"Leaver {t}");
        await member.BookOkAsync(await admin.CreateRoomAsync($"Room {t}"), MeetingRoomFactory.Today, "10:00");
        var id = await MemberSeeder.IdOfAsync(app.Services, member.Email!);
        Assert.Equal(1, (await RowAsync(admin, id)).GetProperty("upcomingBookings").GetInt32());

        var done = await admin.PostAsync($"/api/admin/members/{id}/deactivate");

        await done.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, (await done.Json()).GetProperty("bookingsCancelled").GetInt32());
        var row = await RowAsync(admin, id);
        Assert.Equal("Deactivated", row.GetProperty("status").GetString());
        Assert.Equal(0, row.GetProperty("upcomingBookings").GetInt32());
        await (await admin.PostAsync($"/api/admin/members/{id}/deactivate")).ShouldBeProblem(HttpStatusCode.Conflict, ProblemCodes.WrongStatus);

        var back = await admin.PostAsync($"/api/admin/members/{id}/reactivate");

        await back.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Active", (await back.Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var id = await MemberSeeder.IdOfAsync(app.Services, admin.Email!);

        await (await admin.PostAsync($"/api/admin/members/{id}/deactivate")).ShouldBeProblem(HttpStatusCode.Conflict, ProblemCodes.CannotDeactivateSelf);
    }

    [Fact]
    public async Task The_real_import_of_1000_lines_invites_everyone_and_the_same_file_again_writes_nothing()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var csv = new StringBuilder("name,email,role\r\n");
        for (var i = 1; i <= 1000; i++) csv.Append($"Imported {t} {i:0000},imported{i:0000}.{t}@corp.example,{(i == 1 ? "Admin" : "Member")}\r\n");
        var before = await UsersAsync();

        var response = await admin.Http.PostAsync("/api/admin/members/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        await response.ShouldBe(HttpStatusCode.OK);
        var report = await response.Json();
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1000, report.GetProperty("invited").GetArrayLength());
        Assert.Equal(before + 1000, await UsersAsync());
        var invited = await admin.GetJsonAsync<JsonElement>($"/api/admin/members?search={t}&status=Invited");
        Assert.Equal(1000, invited.GetProperty("total").GetInt32());
        Assert.Equal(1, (await admin.GetJsonAsync<JsonElement>($"/api/admin/members?search={t}&role=Admin")).GetProperty("total").GetInt32());

        var again = await (await admin.Http.PostAsync("/api/admin/members/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);

        Assert.Equal(1000, again.GetProperty("invalid").GetInt32());
        Assert.Equal(before + 1000, await UsersAsync());
    }

    [Fact]
    public async Task Inviting_many_is_all_or_nothing_when_one_address_is_taken_meanwhile()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var taken = (await app.SignInNewAsync()).Email!;
        var t = Token();
        var before = await UsersAsync();
        var requests = Enumerable.Range(1, 50).Select(i => new InvitationRequest($"many{i}.{t}@corp.example", $"Many {i}", "Member"))
            .Append(new InvitationRequest(taken, "Taken", "Member")).ToList();

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<InvitationService>()
            .InviteManyAsync(Actor.Admin(await MemberSeeder.IdOfAsync(app.Services, admin.Email!)), requests);

        Assert.False(result.IsOk);
        Assert.Equal(before, await UsersAsync());
    }
}
