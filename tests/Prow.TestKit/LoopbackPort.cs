using System.Net;
using System.Net.Sockets;

namespace Prow.TestKit;

/// <summary>A loopback port nobody listens on right now, for servers (an Orleans silo) that take a port number rather than 0.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
