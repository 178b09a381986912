using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace MeetingRoom.Tests.Integration;

/// <summary>The app in Development with Demo__Password set (what the README's run command gives).</summary>
public sealed class DevelopmentFactory : MeetingRoomFactory
{
    public const string DemoPassword = "Demo-password-42";
    protected override string EnvironmentName => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Password", DemoPassword);
    }
}

public sealed class DemoDataTests(DevelopmentFactory app) : IClassFixture<DevelopmentFactory>
{
    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("member1@demo.local")]
    [InlineData("member10@demo.local")]
    public async Task Demo_accounts_sign_in_with_the_configured_password(string email)
    {
        var client = await app.SignInAsync(email, DevelopmentFactory.DemoPassword);

        await (await client.GetAsync("/api/me/bookings")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_admin_has_the_admin_role()
    {
        var admin = await app.SignInAsync("admin@demo.local", DevelopmentFactory.DemoPassword);

        await (await admin.GetAsync("/api/admin/timetable")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_data_has_three_floors_of_four_rooms_with_equipment()
    {
        var member = await app.SignInAsync("member1@demo.local", DevelopmentFactory.DemoPassword);

        var rooms = (await member.GetJsonAsync<JsonElement>("/api/rooms")).EnumerateArray().ToList();

        Assert.Equal(12, rooms.Count);
        Assert.All(rooms.GroupBy(r => r.GetProperty("floor").GetInt32()), floor => Assert.Equal(4, floor.Count()));
        Assert.All(rooms, r => Assert.NotEmpty(r.GetProperty("equipment").EnumerateArray()));
    }
}
