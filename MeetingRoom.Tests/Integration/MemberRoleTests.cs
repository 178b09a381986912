using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// <c>PUT /api/admin/members/{id}/role</c> (P1): promoting and demoting, the security stamp that makes the member sign in
/// again with the new role, and the rule that the site never loses its last active admin — also when two admins demote
/// each other at the same moment. The last-admin tests run on an app of their own (they need to know every admin).
/// </summary>
public sealed class MemberRoleTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static async Task<int> ActiveAdminsAsync(MeetingRoomFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == Roles.Admin && u.Status == MemberStatus.Active
                      select ur.UserId).CountAsync();
    }

    [Fact]
    public async Task Making_a_member_admin_ends_their_old_token_and_their_next_sign_in_is_admin()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await MemberSeeder.IdOfAsync(app.Services, member.Email!);
        await (await member.GetAsync("/api/admin/approvals")).ShouldBe(HttpStatusCode.Forbidden);

        var response = await admin.PutAsync($"/api/admin/members/{id}/role", new { role = "Admin" });

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Admin", (await response.Json()).GetProperty("role").GetString());
        await (await member.GetAsync("/api/me/bookings")).ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
        var again = await app.SignInAsync(member.Email!, MeetingRoomFactory.Password);
        await (await again.GetAsync("/api/admin/approvals")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Taking_the_admin_role_away_makes_them_a_member_again()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var other = await app.SignInNewAsync(admin: true);
        var id = await MemberSeeder.IdOfAsync(app.Services, other.Email!);

        var response = await admin.PutAsync($"/api/admin/members/{id}/role", new { role = "member" });

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Member", (await response.Json()).GetProperty("role").GetString());
        var again = await app.SignInAsync(other.Email!, MeetingRoomFactory.Password);
        await (await again.GetAsync("/api/admin/approvals")).ShouldBe(HttpStatusCode.Forbidden);
        await (await again.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK); // still a member
    }

    [Fact]
    public async Task Giving_the_role_a_member_already_has_changes_nothing()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await MemberSeeder.IdOfAsync(app.Services, member.Email!);

        await (await admin.PutAsync($"/api/admin/members/{id}/role", new { role = "Member" })).ShouldBe(HttpStatusCode.OK);

        await (await member.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK); // the token still works
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_role_is_400_naming_the_role(string? role)
    {
        var admin = await app.SignInNewAsync(admin: true);
        var id = await MemberSeeder.IdOfAsync(app.Services, (await app.SignInNewAsync()).Email!);

        var problem = await (await admin.PutAsync($"/api/admin/members/{id}/role", new { role }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);

        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task An_unknown_member_is_404()
    {
        var admin = await app.SignInNewAsync(admin: true);

        await (await admin.PutAsync("/api/admin/members/nobody/role", new { role = "Admin" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, ProblemCodes.UnknownMember);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_lose_the_role_not_even_by_themselves()
    {
        using var own = new MeetingRoomFactory();
        var admin = await own.SignInNewAsync(admin: true);
        var id = await MemberSeeder.IdOfAsync(own.Services, admin.Email!);
        // An admin who is deactivated does not count.
        await MemberSeeder.SeedAsync(own.Services, [new("gone-admin@test.local", "Gone Admin", MemberStatus.Deactivated, Admin: true)]);

        var problem = await (await admin.PutAsync($"/api/admin/members/{id}/role", new { role = "Member" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, ProblemCodes.LastAdmin);

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(1, await ActiveAdminsAsync(own));
        await (await admin.GetAsync("/api/admin/approvals")).ShouldBe(HttpStatusCode.OK); // nothing changed: the token still works
    }

    [Fact]
    public async Task An_admin_may_step_down_while_another_active_admin_remains()
    {
        using var own = new MeetingRoomFactory();
        var admin = await own.SignInNewAsync(admin: true);
        await own.SignInNewAsync(admin: true);
        var id = await MemberSeeder.IdOfAsync(own.Services, admin.Email!);

        await (await admin.PutAsync($"/api/admin/members/{id}/role", new { role = "Member" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(1, await ActiveAdminsAsync(own));
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        using var own = new MeetingRoomFactory();
        for (var round = 0; round < 3; round++)
        {
            var a = await own.SignInNewAsync(admin: true);
            var b = await own.SignInNewAsync(admin: true);
            var aId = await MemberSeeder.IdOfAsync(own.Services, a.Email!);
            var bId = await MemberSeeder.IdOfAsync(own.Services, b.Email!);
            await DemoteEveryAdminButAsync(own, aId, bId);

            var answers = await Task.WhenAll(
                a.PutAsync($"/api/admin/members/{bId}/role", new { role = "Member" }),
                b.PutAsync($"/api/admin/members/{aId}/role", new { role = "Member" }));

            Assert.Equal(1, await ActiveAdminsAsync(own));
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
            // The other was refused: last-admin when it reached the rule, or its caller's token had just been revoked.
            Assert.Single(answers, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        }
    }

    /// <summary>Leaves exactly the two admins of a round (earlier rounds' winners are demoted in the database).</summary>
    private static async Task DemoteEveryAdminButAsync(MeetingRoomFactory factory, params string[] keep)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync();
        await db.UserRoles.Where(ur => ur.RoleId == adminRole && !keep.Contains(ur.UserId)).ExecuteDeleteAsync();
    }
}
