using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Integration;

/// <summary>Health endpoints and the OpenAPI document (N4).</summary>
public sealed class OperabilityTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoint_answers_healthy(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_booking_endpoints()
    {
        var doc = await app.Anonymous().GetJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/bookings", out _));
        Assert.True(paths.TryGetProperty("/api/schedule", out _));
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
    }
}
