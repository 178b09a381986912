using System.Buffers.Binary;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// Installable (issue 25): a web app manifest with PNG icons of the sizes it declares, linked from every page, and pages that say
/// MeetingRoom needs its connection (no offline booking).
/// </summary>
public sealed class InstallableTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task The_manifest_is_served_as_a_manifest_and_opens_standalone_on_the_book_page()
    {
        using var response = await Anonymous().GetAsync("/manifest.webmanifest");

        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("MeetingRoom", manifest.GetProperty("name").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
    }

    [Fact]
    public async Task Every_icon_of_the_manifest_is_a_png_of_its_declared_size_and_one_is_maskable()
    {
        using var client = Anonymous();
        var icons = JsonDocument.Parse(await client.GetStringAsync("/manifest.webmanifest")).RootElement.GetProperty("icons").EnumerateArray().ToList();

        foreach (var icon in icons)
        {
            var png = await client.GetByteArrayAsync(icon.GetProperty("src").GetString());
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
        }
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable" && i.GetProperty("sizes").GetString() == "512x512");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192");
    }

    [Fact]
    public async Task Pages_link_the_manifest()
    {
        var html = await Anonymous().GetStringAsync("/Account/Login");

        Assert.Contains("<link rel=\"manifest\" href=\"manifest.webmanifest\"", html);
        Assert.Contains("<meta name=\"theme-color\"", html);
    }

    [Fact]
    public async Task A_member_page_carries_the_notice_that_booking_needs_the_connection_in_the_readers_language()
    {
        var member = await app.SignInNewAsync();
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInWithCookieAsync(member.Email!, MeetingRoomFactory.Password);

        var html = await browser.GetStringAsync("/my-bookings?lang=ko");

        Assert.Contains("id=\"components-reconnect-modal\"", html);
        Assert.Contains("오프라인에서는 예약할 수 없습니다", html);
    }
}
