using System.Net;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// The networks whose requests may read <c>/metrics</c> (<see cref="ObservabilityOptions.MetricsNetworks"/>, CIDR), and the
/// check of a client address against them. The address is the client's as the app sees it after the forwarded-headers
/// middleware: behind a trusted proxy (<c>Security:KnownProxies</c>/<c>KnownNetworks</c>, loopback always) that is the
/// address in <c>X-Forwarded-For</c>, so a request relayed by a local nginx is judged by its real client, never as
/// loopback; from anyone else <c>X-Forwarded-For</c> is ignored. An IPv4 address seen as IPv6 (<c>::ffff:10.1.2.3</c>,
/// a dual-stack socket) is matched against the IPv4 networks too. No address (an in-process test server, a Unix
/// socket) is not allowed. Immutable, thread-safe.
/// </summary>
public sealed class MetricsNetworks
{
    /// <summary>The parsed networks (an empty list allows nobody).</summary>
    public IReadOnlyList<IPNetwork> Networks { get; }

    /// <param name="cidrs">Networks in CIDR notation (<c>10.0.0.0/8</c>, <c>::1/128</c>); a bare address is one host.</param>
    /// <exception cref="InvalidOperationException">an entry is not a network in CIDR notation (the message names it and the setting).</exception>
    public MetricsNetworks(IEnumerable<string> cidrs) => Networks = cidrs.Select(Parse).ToList();

    /// <summary>The networks of <c>Observability:MetricsNetworks</c>: the configured list replaces the default (loopback).</summary>
    /// <exception cref="InvalidOperationException">an entry is not a network in CIDR notation.</exception>
    public static MetricsNetworks From(IConfiguration config)
    {
        var section = config.GetSection($"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.MetricsNetworks)}");
        var configured = section.GetChildren().Select(c => c.Value ?? "").ToList();
        if (configured.Count == 0 && section.Value is { } single) configured = [.. single.Split(',')]; // "10.0.0.0/8,::1/128" from one variable
        return new MetricsNetworks(configured.Count > 0 ? configured : new ObservabilityOptions().MetricsNetworks);
    }

    /// <summary>Whether <paramref name="address"/> is in one of the networks (false for null).</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null) return false;
        var v4 = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : null;
        foreach (var network in Networks)
            if (network.Contains(address) || (v4 is not null && network.Contains(v4))) return true;
        return false;
    }

    private static IPNetwork Parse(string cidr)
    {
        var text = cidr.Trim();
        if (IPNetwork.TryParse(text, out var network)) return network;
        if (!text.Contains('/') && IPAddress.TryParse(text, out var host)) return new IPNetwork(host, host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        throw new InvalidOperationException(
            $"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.MetricsNetworks)}: \"{cidr}\" is not a network in CIDR notation " +
            "(e.g. 10.0.0.0/8, 192.168.1.20/32 or ::1/128).");
    }
}
