using System.Net;
using System.Net.Sockets;

namespace MeetingRoom.Tests.Support;

/// <summary>Ports on 127.0.0.1 for the servers tests start (the app, PostgreSQL, Redis, nginx, SMTP).</summary>
public static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now (the system picks it).</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
