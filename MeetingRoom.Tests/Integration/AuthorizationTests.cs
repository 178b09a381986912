using System.Net.Http.Json;
using System.Net;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Integration;

/// <summary>Admin-only endpoints refuse members (403) and anonymous callers (401); member endpoints refuse anonymous callers.</summary>
public sealed class AuthorizationTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/api/rooms" },
        { "PUT", "/api/rooms/1" },
        { "DELETE", "/api/rooms/1" },
        { "GET", "/api/admin/timetable" },
        { "PUT", "/api/admin/timetable" },
        { "GET", "/api/admin/booking-window" },
        { "PUT", "/api/admin/booking-window" },
        { "GET", "/api/admin/approvals" },
        { "POST", $"/api/bookings/{Guid.Empty}/approve" },
        { "POST", $"/api/bookings/{Guid.Empty}/deny" },
    };

    public static TheoryData<string, string> MemberEndpoints => new()
    {
        { "GET", "/api/rooms" },
        { "GET", "/api/schedule" },
        { "POST", "/api/bookings" },
        { "GET", "/api/me/bookings" },
        { "POST", $"/api/bookings/{Guid.Empty}/start" },
    };

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }) };

    [Theory, MemberData(nameof(AdminEndpoints))]
    public async Task Admin_endpoint_refuses_a_member_with_403(string method, string path)
    {
        var member = await app.SignInNewAsync();
        await (await member.Http.SendAsync(Request(method, path))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory, MemberData(nameof(AdminEndpoints))]
    public async Task Admin_endpoint_refuses_an_anonymous_caller_with_401(string method, string path)
    {
        await (await app.Anonymous().Http.SendAsync(Request(method, path))).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory, MemberData(nameof(MemberEndpoints))]
    public async Task Member_endpoint_refuses_an_anonymous_caller_with_401(string method, string path)
    {
        await (await app.Anonymous().Http.SendAsync(Request(method, path))).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
