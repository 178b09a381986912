using MeetingRoom.Web.Features.Members.Invitations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Tests.Features;

/// <summary>Which address the links in account mail start with: the configured public URL, else an admin's last, else the request's.</summary>
public class AccountLinksTests
{
    private static AccountLinks Links(string? publicUrl, SiteAddress site, string? requestHost) =>
        new(Options.Create(new PublicUrlOptions { PublicUrl = publicUrl }), site,
            new HttpContextAccessor { HttpContext = requestHost is null ? null : Request("https", requestHost) }, NullLogger<AccountLinks>.Instance);

    private static DefaultHttpContext Request(string scheme, string host, string pathBase = "") =>
        new() { Request = { Scheme = scheme, Host = new HostString(host), PathBase = pathBase } };

    [Fact]
    public void The_configured_public_url_wins()
    {
        var site = new SiteAddress();
        site.Remember(Request("https", "admin.example.com").Request);

        Assert.Equal("https://rooms.example.com/rooms", Links("https://rooms.example.com/rooms/", site, "attacker.example").Base());
    }

    [Fact]
    public void Without_one_the_address_an_admin_used_beats_the_host_an_anonymous_caller_sent()
    {
        var site = new SiteAddress();
        site.Remember(Request("https", "rooms.example.com", "/app").Request);

        Assert.Equal("https://rooms.example.com/app", Links(null, site, "attacker.example").Base());
    }

    [Fact]
    public void Before_any_admin_page_the_request_gives_the_address() =>
        Assert.Equal("https://localhost:5080", Links(null, new SiteAddress(), "localhost:5080").Base());

    [Fact]
    public void With_no_address_at_all_the_link_is_site_relative() =>
        Assert.Equal("/Account/AcceptInvitation?member=m%201&token=t", Links(null, new SiteAddress(), null).Invitation("m 1", "t"));

    [Fact]
    public void A_reset_link_carries_the_address_and_the_code_escaped() =>
        Assert.Equal("https://r.example/Account/ResetPassword?email=a%2Bb%40example.com&code=Zm9v",
            Links("https://r.example", new SiteAddress(), null).PasswordReset("a+b@example.com", "Zm9v"));
}
