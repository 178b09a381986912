using MeetingRoom.Web.Features.Meetings;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Notifications;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Issue 15's authorization matrix: every operation of the OpenAPI document × anonymous, the owner (the
/// member whose booking or notification it is), another member and an admin, with the expected status
/// written once per operation in <see cref="Matrix"/>. Each cell gets fresh accounts and fresh data, so
/// cells do not depend on each other.
/// </summary>
public sealed class AuthorizationMatrixTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    public enum Caller { Anonymous, Owner, OtherMember, Admin }

    private sealed record Expect(int Anonymous, int Owner, int OtherMember, int Admin)
    {
        public int For(Caller caller) => caller switch
        {
            Caller.Anonymous => Anonymous,
            Caller.Owner => Owner,
            Caller.OtherMember => OtherMember,
            _ => Admin,
        };
    }

    /// <summary>The accounts of one cell and what it needs arranged.</summary>
    private sealed class Cell(MeetingRoomFactory app, ApiClient owner, ApiClient admin)
    {
        public async Task<int> RoomAsync(bool approval = false) => await admin.CreateRoomAsync($"Matrix {Guid.NewGuid():N}", requiresApproval: approval);
        public async Task<Guid> BookingAsync(bool approval = false) => await owner.BookOkAsync(await RoomAsync(approval), Today, "10:00");

        /// <summary>A check-in code of the owner's booking of a new room, now.</summary>
        public async Task<string> CheckInCodeAsync()
        {
            var room = await RoomAsync();
            await owner.BookOkAsync(room, Today, "10:00");
            return app.Services.GetRequiredService<CheckInCodes>().For(new CheckInSlot(room, DateOnly.Parse(Today), new TimeOnly(10, 0)));
        }

        /// <summary>A door display of a new room (created by the admin).</summary>
        public async Task<int> DoorDisplayAsync()
        {
            var response = await admin.PostAsync($"/api/rooms/{await RoomAsync()}/door-displays");
            await response.ShouldBe(System.Net.HttpStatusCode.Created);
            return (await response.Json()).GetProperty("id").GetInt32();
        }

        public async Task<Guid> MeetingAsync()
        {
            var id = await BookingAsync();
            await (await owner.PostAsync($"/api/bookings/{id}/start")).ShouldBe(System.Net.HttpStatusCode.OK);
            return id;
        }

        public async Task<long> NotificationAsync()
        {
            var id = await BookingAsync(approval: true);
            await (await admin.PostAsync($"/api/bookings/{id}/approve")).ShouldBe(System.Net.HttpStatusCode.OK);
            await app.WaitForHandlerAsync(NotificationProjection.HandlerName);
            return (await owner.GetJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items")[0].GetProperty("id").GetInt64();
        }

        public Task<JsonElement> TimetableAsync() => admin.GetJsonAsync<JsonElement>("/api/admin/timetable");

        /// <summary>The owner's account id.</summary>
        public Task<string> OwnerIdAsync() => MemberSeeder.IdOfAsync(app.Services, owner.Email!);

        /// <summary>A member who is neither the owner nor the other member (the target of a deactivation), deactivated when asked.</summary>
        public async Task<string> ThirdMemberIdAsync(bool deactivated = false)
        {
            var id = await MemberSeeder.IdOfAsync(app.Services, (await app.SignInNewAsync()).Email!);
            if (deactivated) await (await admin.PostAsync($"/api/admin/members/{id}/deactivate")).ShouldBe(System.Net.HttpStatusCode.OK);
            return id;
        }

        /// <summary>Someone invited by the admin (needs the invitations part).</summary>
        public async Task<string> InvitedIdAsync()
        {
            var response = await admin.PostAsync("/api/admin/members/invitations", new { email = $"i{Guid.NewGuid():N}@test.local", name = "Invited", role = "Member" });
            await response.ShouldBe(System.Net.HttpStatusCode.Created);
            return (await response.Json()).GetProperty("memberId").GetString()!;
        }

        /// <summary>A room whose 10:00 slot today a third member holds (so anyone else may wait for it).</summary>
        public async Task<int> HeldRoomAsync()
        {
            var room = await RoomAsync();
            await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
            return room;
        }

        /// <summary>A personal API token of the owner (its id).</summary>
        public async Task<Guid> ApiTokenAsync()
        {
            var response = await owner.PostAsync("/api/me/api-tokens", new { name = "matrix" });
            await response.ShouldBe(System.Net.HttpStatusCode.Created);
            return (await response.Json()).GetProperty("id").GetGuid();
        }

        /// <summary>The owner's place in line for a held slot.</summary>
        public async Task<long> WaitlistPlaceAsync()
        {
            var response = await owner.PostAsync("/api/waitlist", new { roomId = await HeldRoomAsync(), date = Today, start = "10:00" });
            await response.ShouldBe(System.Net.HttpStatusCode.Created);
            return (await response.Json()).GetProperty("id").GetInt64();
        }
    }

    private static object RoomBody() => new { name = $"Matrix {Guid.NewGuid():N}", floor = 2, capacity = 4, requiresApproval = false };

    private static (string, object?) Call(string path, object? body = null) => (path, body);

    /// <summary>Operation → expected status for (anonymous, owner, other member, admin), and the request of a cell.</summary>
    private static readonly Dictionary<string, (Expect Expect, Func<Cell, Task<(string Path, object? Body)>> Arrange)> Matrix = new()
    {
        ["GET /api/rooms"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/rooms"))),
        ["GET /api/rooms/{id}"] = (new(401, 200, 200, 200), async c => Call($"/api/rooms/{await c.RoomAsync()}")),
        ["GET /api/rooms/available"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/rooms/available?minCapacity=2"))),
        ["POST /api/rooms"] = (new(401, 403, 403, 201), _ => Task.FromResult(Call("/api/rooms", RoomBody()))),
        ["PUT /api/rooms/{id}"] = (new(401, 403, 403, 200), async c => Call($"/api/rooms/{await c.RoomAsync()}", RoomBody())),
        ["DELETE /api/rooms/{id}"] = (new(401, 403, 403, 204), async c => Call($"/api/rooms/{await c.RoomAsync()}")),
        ["POST /api/rooms/{id}/out-of-service"] = (new(401, 403, 403, 200), async c => Call($"/api/rooms/{await c.RoomAsync()}/out-of-service", new { reason = "Paint" })),
        ["POST /api/rooms/{id}/in-service"] = (new(401, 403, 403, 200), async c => Call($"/api/rooms/{await c.RoomAsync()}/in-service")),
        ["POST /api/rooms/{id}/door-displays"] = (new(401, 403, 403, 201), async c => Call($"/api/rooms/{await c.RoomAsync()}/door-displays")),
        ["GET /api/rooms/{id}/door-displays"] = (new(401, 403, 403, 200), async c => Call($"/api/rooms/{await c.RoomAsync()}/door-displays")),
        ["DELETE /api/door-displays/{id}"] = (new(401, 403, 403, 204), async c => Call($"/api/door-displays/{await c.DoorDisplayAsync()}")),
        ["POST /api/checkin/{code}"] = (new(401, 200, 403, 403), async c => Call($"/api/checkin/{await c.CheckInCodeAsync()}")),
        ["GET /api/equipment"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/equipment"))),
        ["GET /api/schedule"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call($"/api/schedule?date={Today}"))),
        ["POST /api/bookings"] = (new(401, 201, 201, 201), async c => Call("/api/bookings", new { roomId = await c.RoomAsync(), date = Today, start = "10:00" })),
        ["GET /api/bookings/{id}"] = (new(401, 200, 404, 200), async c => Call($"/api/bookings/{await c.BookingAsync()}")),
        ["GET /api/bookings/{id}/calendar.ics"] = (new(401, 200, 404, 200), async c => Call($"/api/bookings/{await c.BookingAsync()}/calendar.ics")),
        ["POST /api/bookings/{id}/cancel"] = (new(401, 200, 403, 200), async c => Call($"/api/bookings/{await c.BookingAsync()}/cancel")),
        ["POST /api/bookings/{id}/start"] = (new(401, 200, 403, 403), async c => Call($"/api/bookings/{await c.BookingAsync()}/start")),
        ["POST /api/bookings/{id}/end"] = (new(401, 200, 403, 200), async c => Call($"/api/bookings/{await c.MeetingAsync()}/end")),
        ["POST /api/bookings/{id}/approve"] = (new(401, 403, 403, 200), async c => Call($"/api/bookings/{await c.BookingAsync(approval: true)}/approve")),
        ["POST /api/bookings/{id}/deny"] = (new(401, 403, 403, 200), async c => Call($"/api/bookings/{await c.BookingAsync(approval: true)}/deny", new { reason = "Board" })),
        ["GET /api/me/bookings"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/bookings"))),
        ["GET /api/admin/approvals"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/approvals"))),
        ["GET /api/admin/timetable"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/timetable"))),
        ["PUT /api/admin/timetable"] = (new(401, 403, 403, 200), async c => Call("/api/admin/timetable", await c.TimetableAsync())),
        ["GET /api/admin/booking-window"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/booking-window"))),
        ["PUT /api/admin/booking-window"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/booking-window", new { mode = "AtPeriodStart" }))),
        ["GET /api/admin/booking-limits"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/booking-limits"))),
        ["PUT /api/admin/booking-limits"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/booking-limits", new { maxPerPeriod = 1, maxPerDay = 2, maxUpcoming = 10 }))),
        ["GET /api/admin/language"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/language"))),
        ["PUT /api/admin/language"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/language", new { defaultLanguage = "en" }))),
        ["POST /api/waitlist"] = (new(401, 201, 201, 201), async c => Call("/api/waitlist", new { roomId = await c.HeldRoomAsync(), date = Today, start = "10:00" })),
        ["GET /api/me/waitlist"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/waitlist"))),
        ["DELETE /api/waitlist/{id}"] = (new(401, 204, 404, 204), async c => Call($"/api/waitlist/{await c.WaitlistPlaceAsync()}")),
        ["GET /api/me/notifications"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/notifications"))),
        ["POST /api/me/notifications/{id}/read"] = (new(401, 200, 404, 404), async c => Call($"/api/me/notifications/{await c.NotificationAsync()}/read")),
        ["POST /api/me/notifications/read-all"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/notifications/read-all"))),
        ["GET /api/me/calendar-feed"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/calendar-feed"))),
        ["POST /api/me/calendar-feed"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/calendar-feed"))),
        ["GET /api/me/email-preferences"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/email-preferences"))),
        ["PUT /api/me/email-preferences"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/email-preferences", new { enabled = true }))),
        // Members (P1). The import takes CSV: the matrix's JSON body gets 415 once past authorization.
        ["GET /api/admin/members"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/members"))),
        ["GET /api/admin/members/export"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/members/export"))),
        ["GET /api/admin/insights"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/insights"))),
        ["GET /api/admin/insights/export"] = (new(401, 403, 403, 200), _ => Task.FromResult(Call("/api/admin/insights/export?table=rooms"))),
        ["GET /api/admin/members/{id}"] = (new(401, 403, 403, 200), async c => Call($"/api/admin/members/{await c.OwnerIdAsync()}")),
        ["PUT /api/admin/members/{id}/role"] = (new(401, 403, 403, 200), async c => Call($"/api/admin/members/{await c.OwnerIdAsync()}/role", new { role = "Member" })),
        ["POST /api/admin/members/import"] = (new(401, 403, 403, 415), _ => Task.FromResult(Call("/api/admin/members/import?dryRun=true", new { }))),
        ["POST /api/admin/members/invitations"] = (new(401, 403, 403, 201), _ => Task.FromResult(Call("/api/admin/members/invitations", new { email = $"i{Guid.NewGuid():N}@test.local", name = "Invited", role = "Member" }))),
        ["POST /api/admin/members/{id}/invitation"] = (new(401, 403, 403, 200), async c => Call($"/api/admin/members/{await c.InvitedIdAsync()}/invitation")),
        ["POST /api/admin/members/{id}/deactivate"] = (new(401, 403, 403, 200), async c => Call($"/api/admin/members/{await c.ThirdMemberIdAsync()}/deactivate")),
        ["POST /api/admin/members/{id}/reactivate"] = (new(401, 403, 403, 200), async c => Call($"/api/admin/members/{await c.ThirdMemberIdAsync(deactivated: true)}/reactivate")),
        // Identity: the anonymous endpoints answer everyone alike; /manage is for any signed-in account.
        ["POST /api/auth/register"] = (new(403, 403, 403, 403), _ => Task.FromResult(Call("/api/auth/register", new { email = $"r{Guid.NewGuid():N}@test.local", password = "Long-enough-1" }))),
        ["POST /api/auth/login"] = (new(401, 401, 401, 401), _ => Task.FromResult(Call("/api/auth/login", new { email = "nobody@test.local", password = "Long-enough-1" }))),
        ["POST /api/auth/refresh"] = (new(401, 401, 401, 401), _ => Task.FromResult(Call("/api/auth/refresh", new { refreshToken = "not-a-token" }))),
        ["GET /api/auth/confirmEmail"] = (new(401, 401, 401, 401), _ => Task.FromResult(Call("/api/auth/confirmEmail?userId=nobody&code=x"))),
        ["POST /api/auth/resendConfirmationEmail"] = (new(200, 200, 200, 200), _ => Task.FromResult(Call("/api/auth/resendConfirmationEmail", new { email = "nobody@test.local" }))),
        ["POST /api/auth/forgotPassword"] = (new(200, 200, 200, 200), _ => Task.FromResult(Call("/api/auth/forgotPassword", new { email = "nobody@test.local" }))),
        ["POST /api/auth/resetPassword"] = (new(400, 400, 400, 400), _ => Task.FromResult(Call("/api/auth/resetPassword", new { email = "nobody@test.local", resetCode = "x", newPassword = "Long-enough-1" }))),
        ["GET /api/auth/manage/info"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/auth/manage/info"))),
        ["POST /api/auth/manage/info"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/auth/manage/info", new { }))),
        ["POST /api/auth/manage/2fa"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/auth/manage/2fa", new { }))),
        // Personal API tokens (issue 20): each member's own; nobody else's, an admin's included.
        ["POST /api/me/api-tokens"] = (new(401, 201, 201, 201), _ => Task.FromResult(Call("/api/me/api-tokens", new { name = "matrix" }))),
        ["GET /api/me/api-tokens"] = (new(401, 200, 200, 200), _ => Task.FromResult(Call("/api/me/api-tokens"))),
        ["DELETE /api/me/api-tokens/{id}"] = (new(401, 204, 404, 404), async c => Call($"/api/me/api-tokens/{await c.ApiTokenAsync()}")),
    };

    public static TheoryData<string, Caller> Cells()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var op in Matrix.Keys)
            foreach (var caller in Enum.GetValues<Caller>())
                data.Add(op, caller);
        return data;
    }

    [Fact]
    public async Task Every_operation_of_the_document_has_a_row_and_every_row_an_operation()
    {
        using var doc = JsonDocument.Parse(await (await app.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _))
                .Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        Assert.Empty(documented.Except(Matrix.Keys).Order());
        Assert.Empty(Matrix.Keys.Except(documented).Order());
    }

    [Theory, MemberData(nameof(Cells))]
    public async Task Each_caller_gets_the_status_the_matrix_expects(string operation, Caller caller)
    {
        var owner = await app.SignInNewAsync();
        var admin = await app.SignInNewAsync(admin: true);
        var (expect, arrange) = Matrix[operation];
        var (path, body) = await arrange(new Cell(app, owner, admin));
        var client = caller switch
        {
            Caller.Anonymous => app.Anonymous(),
            Caller.Owner => owner,
            Caller.OtherMember => await app.SignInNewAsync(),
            _ => admin,
        };

        var method = operation.Split(' ')[0];
        var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: ApiClient.Json),
        });

        await response.ShouldBe((System.Net.HttpStatusCode)expect.For(caller));
    }
}
