using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Prow.Silo.Hosting;

/// <summary>
/// The silo-to-silo and client gateway ports. Orleans defaults to 11111 and 30000, so two prow processes on one
/// machine (tests, benchmarks, a second replica) would fight over them: unless told, each process takes free ones.
/// </summary>
internal readonly record struct SiloPorts(int Silo, int Gateway)
{
    /// <summary>Where ports are drawn from when the kernel's ephemeral range leaves room below it.</summary>
    private const int LowestDrawn = 20_000;

    public static SiloPorts Choose(int? silo, int? gateway)
    {
        var siloPort = silo ?? FreePort(except: gateway);
        return new(siloPort, gateway ?? FreePort(except: siloPort));
    }

    /// <summary>
    /// Orleans is given port numbers and binds them later, so a port is chosen by binding it for a moment. It is drawn
    /// below the kernel's ephemeral range: a released ephemeral port can go at once to any process's outgoing
    /// connection, and then the silo fails to start with "address in use" (seen on a busy machine).
    /// </summary>
    private static int FreePort(int? except)
    {
        var ephemeralLow = EphemeralRangeLow();
        if (ephemeralLow - LowestDrawn >= 1_000)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var port = Random.Shared.Next(LowestDrawn, ephemeralLow);
                if (port != except && CanBind(port))
                {
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range; 0 where it cannot be read, so nothing is drawn below it.</summary>
    private static int EphemeralRangeLow()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return range.Length > 0 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low) ? low : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
