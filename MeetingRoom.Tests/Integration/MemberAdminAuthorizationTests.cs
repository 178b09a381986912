using System.Net;
using System.Net.Http.Json;
using System.Text;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Tests.Integration;

/// <summary>Every member administration endpoint is for admins: anonymous callers get 401, members 403, before anything is read or written.</summary>
public sealed class MemberAdminAuthorizationTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "/api/admin/members" },
        { "GET", "/api/admin/members/export" },
        { "GET", "/api/admin/members/someone" },
        { "PUT", "/api/admin/members/someone/role" },
        { "POST", "/api/admin/members/invitations" },
        { "POST", "/api/admin/members/someone/invitation" },
        { "POST", "/api/admin/members/someone/deactivate" },
        { "POST", "/api/admin/members/someone/reactivate" },
        { "POST", "/api/admin/members/import" },
        { "POST", "/api/admin/members/import?dryRun=true" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "GET" ? null
            : path.Contains("/import") ? new StringContent("name,email,role\r\nEve,eve@corp.example,Admin\r\n", Encoding.UTF8, "text/csv")
            : JsonContent.Create(new { role = "Admin", email = "eve@corp.example", name = "Eve" }),
    };

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var response = await app.Anonymous().Http.SendAsync(Request(method, path));

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, ProblemCodes.Unauthenticated);
    }

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Members_get_403(string method, string path)
    {
        var member = await app.SignInNewAsync();

        var response = await member.Http.SendAsync(Request(method, path));

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
    }
}
