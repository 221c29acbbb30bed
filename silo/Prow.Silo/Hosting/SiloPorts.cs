using System.Net;
using System.Net.Sockets;

namespace Prow.Silo.Hosting;

/// <summary>
/// The silo-to-silo and client gateway ports. Orleans defaults to 11111 and 30000, so two prow processes on one
/// machine (tests, benchmarks, a second replica) would fight over them: unless told, each process takes free ones.
/// </summary>
internal readonly record struct SiloPorts(int Silo, int Gateway)
{
    public static SiloPorts Choose(int? silo, int? gateway) => new(silo ?? FreePort(), gateway ?? FreePort());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
