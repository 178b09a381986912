using System.Net;
using MeetingRoom.Web.Infrastructure.Observability;
using Microsoft.Extensions.Configuration;

namespace MeetingRoom.Tests.Infrastructure.Observability;

/// <summary>Who may read <c>/metrics</c>: <see cref="MetricsNetworks"/> against client addresses (issue 24).</summary>
public sealed class MetricsNetworksTests
{
    private static MetricsNetworks FromSettings(params (string Key, string Value)[] settings) => MetricsNetworks.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.10.0.5", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)] // IPv4 loopback on a dual-stack socket
    [InlineData("10.1.2.3", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("2001:db8::1", false)]
    public void By_default_only_loopback_reads_the_metrics(string address, bool allowed) =>
        Assert.Equal(allowed, FromSettings().Allows(IPAddress.Parse(address)));

    [Fact]
    public void No_client_address_is_not_allowed() => Assert.False(FromSettings().Allows(null));

    [Fact]
    public void A_configured_list_replaces_the_default_and_matches_ipv4_mapped_addresses()
    {
        var networks = FromSettings(("Observability:MetricsNetworks:0", "10.0.0.0/8"), ("Observability:MetricsNetworks:1", "2001:db8::/32"));

        Assert.True(networks.Allows(IPAddress.Parse("10.200.0.1")));
        Assert.True(networks.Allows(IPAddress.Parse("::ffff:10.200.0.1")));
        Assert.True(networks.Allows(IPAddress.Parse("2001:db8::42")));
        Assert.False(networks.Allows(IPAddress.Loopback));
        Assert.False(networks.Allows(IPAddress.Parse("11.0.0.1")));
    }

    [Fact]
    public void A_comma_separated_value_and_a_bare_address_are_read_too()
    {
        var networks = FromSettings(("Observability:MetricsNetworks", "192.168.1.20, ::1/128"));

        Assert.True(networks.Allows(IPAddress.Parse("192.168.1.20")));
        Assert.False(networks.Allows(IPAddress.Parse("192.168.1.21")));
        Assert.True(networks.Allows(IPAddress.IPv6Loopback));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("300.0.0.0/8")]
    [InlineData("10.0.0.0/")]
    [InlineData("localhost")]
    [InlineData("")]
    public void An_invalid_network_is_refused_with_a_message_naming_it_and_the_setting(string cidr)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new MetricsNetworks([cidr]));

        Assert.Contains("Observability:MetricsNetworks", e.Message);
        Assert.Contains($"\"{cidr}\"", e.Message);
    }
}
