using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingRoom.Tests.Support;

/// <summary>A signed-in (or anonymous) caller of the HTTP API, with the JSON settings the API uses.</summary>
public sealed class ApiClient(HttpClient http, string? email)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http { get; } = http;
    public string? Email { get; } = email;

    public Task<HttpResponseMessage> BookAsync(int roomId, string date, string start) =>
        Http.PostAsJsonAsync("/api/bookings", new { roomId, date, start });

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        body is null ? Http.PostAsync(path, null) : Http.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => Http.PutAsJsonAsync(path, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(path);

    public async Task<T> GetJsonAsync<T>(string path)
    {
        var response = await Http.GetAsync(path);
        await response.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Creates a room as an admin; returns its id.</summary>
    public async Task<int> CreateRoomAsync(string name, int floor = 1, int capacity = 6, bool requiresApproval = false, params string[] equipment)
    {
        var response = await Http.PostAsJsonAsync("/api/rooms",
            new { name, floor, capacity, requiresApproval, equipment = equipment.Select(e => new { name = e, quantity = 1 }) });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Books and returns the new booking's id (asserts 201).</summary>
    public async Task<Guid> BookOkAsync(int roomId, string date, string start)
    {
        var response = await BookAsync(roomId, date, start);
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

public static class HttpAssertions
{
    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"Expected {(int)expected} {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts an RFC 7807 problem with the given status and <c>type</c> code; returns the problem JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"urn:meetingroom:problem:{code}", problem.GetProperty("type").GetString());
        return problem;
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
