using System.Net;
using Prow.Storage.Postgres;

namespace Prow.Silo.Hosting;

/// <summary>What <c>--storage postgres:</c> needs before the host is built: the connection string from its file, the open database, the address to advertise.</summary>
internal static class PostgresSetup
{
    public static string ReadConnectionString(string? path)
    {
        if (path is null)
        {
            throw new StartupException("--storage postgres: needs --storage-connection-file (a file holding the connection string)");
        }

        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--storage-connection-file: {ex.Message}", ex);
        }

        return text.Length > 0 ? text : throw new StartupException($"--storage-connection-file: {path} is empty");
    }

    public static PostgresDatabase Open(ProwOptions options)
    {
        var connection = ReadConnectionString(options.StorageConnectionFile);
        try
        {
            return PostgresDatabase.OpenAsync(connection).GetAwaiter().GetResult();
        }
        catch (PostgresStorageException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
    }

    /// <summary>The flag, else the pod's IP (Kubernetes' downward API sets <c>POD_IP</c> in the manifests), else loopback.</summary>
    public static IPAddress AdvertiseAddress(ProwOptions options) =>
        options.AdvertiseAddress
        ?? (IPAddress.TryParse(Environment.GetEnvironmentVariable("POD_IP"), out var pod) ? pod : IPAddress.Loopback);

    /// <summary>A name for this process's inbox leases, unique across restarts: the address it advertises, its silo port and a random suffix.</summary>
    public static string LeaseOwner(IPAddress address, int siloPort) =>
        $"{address}:{siloPort}/{Guid.NewGuid():N}"[..Math.Min(64, $"{address}:{siloPort}/".Length + 12)];
}
