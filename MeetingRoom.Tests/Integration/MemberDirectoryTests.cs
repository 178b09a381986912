using System.Net;
using System.Text.Json;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// <c>GET /api/admin/members</c> (P1): search, role and status filters, paging with a stable order and a total, and
/// each row's role, status, sign-in method, last sign-in and upcoming bookings. Each test seeds members whose names
/// and emails carry a token of its own and searches for it, so tests sharing the app do not see each other's members.
/// </summary>
public sealed class MemberDirectoryTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private static string Token() => "t" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ListAsync(ApiClient admin, string query) =>
        await admin.GetJsonAsync<JsonElement>("/api/admin/members?" + query);

    private static string[] Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task Search_matches_part_of_the_name_or_the_email_in_any_case()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        await MemberSeeder.SeedAsync(app.Services, [
            new($"minji.{t}@corp.example", $"Minji Kim {t}"),
            new($"someone.{t}@corp.example", $"Jisoo Park {t}"),
            new($"other.{t}@corp.example", $"Yuna Kang {t}"),
        ]);

        Assert.Equal([$"Minji Kim {t}"], Names(await ListAsync(admin, $"search=MINJI.{t.ToUpperInvariant()}")));
        Assert.Equal([$"Jisoo Park {t}"], Names(await ListAsync(admin, $"search=jisoo%20park%20{t}")));
        var both = await ListAsync(admin, $"search={t}@CORP");
        Assert.Equal(3, both.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pages_follow_name_then_email_and_the_total_counts_every_match()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        // Seeded out of order; two share a name (then the email decides).
        await MemberSeeder.SeedAsync(app.Services, [
            new($"c.{t}@corp.example", $"Member {t} 03"),
            new($"a.{t}@corp.example", $"Member {t} 01"),
            new($"b2.{t}@corp.example", $"Member {t} 02"),
            new($"b1.{t}@corp.example", $"Member {t} 02"),
            new($"e.{t}@corp.example", $"Member {t} 05"),
            new($"d.{t}@corp.example", $"Member {t} 04"),
        ]);

        var first = await ListAsync(admin, $"search={t}&page=1&pageSize=4");
        var second = await ListAsync(admin, $"search={t}&page=2&pageSize=4");
        var beyond = await ListAsync(admin, $"search={t}&page=3&pageSize=4");

        Assert.Equal(6, first.GetProperty("total").GetInt32());
        Assert.Equal(6, second.GetProperty("total").GetInt32());
        var emails = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("email").GetString()![..2]).ToArray();
        Assert.Equal(["a.", "b1", "b2", "c.", "d.", "e."], emails);
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.Equal(6, beyond.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Role_and_status_filters_pick_admins_members_and_each_status()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        await MemberSeeder.SeedAsync(app.Services, [
            new($"boss.{t}@corp.example", $"Boss {t}", Admin: true),
            new($"active.{t}@corp.example", $"Active {t}"),
            new($"invited.{t}@corp.example", $"Invited {t}", MemberStatus.Invited, WithPassword: false),
            new($"gone.{t}@corp.example", $"Gone {t}", MemberStatus.Deactivated),
        ]);

        Assert.Equal([$"Boss {t}"], Names(await ListAsync(admin, $"search={t}&role=Admin")));
        Assert.Equal([$"Active {t}", $"Gone {t}", $"Invited {t}"], Names(await ListAsync(admin, $"search={t}&role=member")));
        Assert.Equal([$"Invited {t}"], Names(await ListAsync(admin, $"search={t}&status=Invited")));
        Assert.Equal([$"Gone {t}"], Names(await ListAsync(admin, $"search={t}&status=deactivated")));
        Assert.Equal([$"Active {t}", $"Boss {t}"], Names(await ListAsync(admin, $"search={t}&status=Active")));
        Assert.Equal([$"Boss {t}"], Names(await ListAsync(admin, $"search={t}&status=Active&role=Admin")));
    }

    [Fact]
    public async Task A_row_shows_role_status_sign_in_method_last_sign_in_and_upcoming_bookings()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var lastSignIn = DateTimeOffset.Parse("2026-11-20T00:30:00Z");
        await MemberSeeder.SeedAsync(app.Services, [
            new($"sso.{t}@corp.example", $"Sso {t}", ExternalLogin: $"sub-{t}", WithPassword: false),
            new($"both.{t}@corp.example", $"Both {t}", ExternalLogin: $"sub2-{t}", LastSignInAt: lastSignIn),
            new($"none.{t}@corp.example", $"None {t}", MemberStatus.Invited, WithPassword: false),
        ]);
        var booker = await app.SignInNewAsync(name: $"Booker {t}");
        var room = await admin.CreateRoomAsync($"Room {t}");
        var later = await admin.CreateRoomAsync($"Room {t} B");
        var cancelled = await booker.BookOkAsync(later, Today, "10:00");
        await (await booker.PostAsync($"/api/bookings/{cancelled}/cancel")).ShouldBe(HttpStatusCode.OK);
        await booker.BookOkAsync(room, Today, "10:00");

        var rows = (await ListAsync(admin, $"search={t}")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i);

        Assert.Equal("Sso", rows[$"Sso {t}"].GetProperty("signInMethod").GetString());
        Assert.Equal("Both", rows[$"Both {t}"].GetProperty("signInMethod").GetString());
        Assert.Equal("None", rows[$"None {t}"].GetProperty("signInMethod").GetString());
        Assert.Equal("Invited", rows[$"None {t}"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, rows[$"None {t}"].GetProperty("lastSignInAt").ValueKind);
        Assert.Equal(lastSignIn, rows[$"Both {t}"].GetProperty("lastSignInAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(9), rows[$"Both {t}"].GetProperty("lastSignInAt").GetDateTimeOffset().Offset); // the site's offset (Seoul)
        var bookerRow = rows[$"Booker {t}"];
        Assert.Equal("Password", bookerRow.GetProperty("signInMethod").GetString());
        Assert.Equal("Member", bookerRow.GetProperty("role").GetString());
        Assert.Equal("Active", bookerRow.GetProperty("status").GetString());
        Assert.Equal(1, bookerRow.GetProperty("upcomingBookings").GetInt32()); // the cancelled one does not count
        Assert.Equal(booker.Email, bookerRow.GetProperty("email").GetString());
        Assert.False(string.IsNullOrEmpty(bookerRow.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_booking_whose_period_has_ended_is_not_upcoming()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var booker = await app.SignInNewAsync(name: $"Past {t}");
        await booker.BookOkAsync(await admin.CreateRoomAsync($"Past room {t}"), Today, "10:00");

        app.Clock.Set(DefaultNow.AddHours(3)); // the 10:00–11:50 period is over
        JsonElement row;
        try
        {
            row = (await ListAsync(admin, $"search=Past%20{t}")).GetProperty("items")[0];
        }
        finally
        {
            app.Clock.Set(DefaultNow);
        }

        Assert.Equal(0, row.GetProperty("upcomingBookings").GetInt32());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("role=Owner", "role")]
    [InlineData("status=Gone", "status")]
    public async Task A_bad_parameter_is_400_invalid_input_naming_it(string query, string field)
    {
        var admin = await app.SignInNewAsync(admin: true);

        var problem = await (await admin.GetAsync("/api/admin/members?" + query)).ShouldBeProblem(HttpStatusCode.BadRequest, ProblemCodes.InvalidInput);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task One_member_by_id_and_an_unknown_id_is_404_unknown_member()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var t = Token();
        var id = (await MemberSeeder.SeedAsync(app.Services, [new($"one.{t}@corp.example", $"One {t}")]))[0];

        var row = await admin.GetJsonAsync<JsonElement>($"/api/admin/members/{id}");
        Assert.Equal($"One {t}", row.GetProperty("name").GetString());
        await (await admin.GetAsync("/api/admin/members/no-such-member")).ShouldBeProblem(HttpStatusCode.NotFound, ProblemCodes.UnknownMember);
    }
}
