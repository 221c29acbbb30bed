using System.Diagnostics;
using System.Globalization;

namespace Prow.TestKit.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's <c>postgresql</c> binaries) in a temp folder, listening on a free loopback
/// port, shared by the tests of one process and stopped when it exits. Each test asks for a database of its own.
/// PostgreSQL refuses to run as root, so as root the cluster belongs to the <c>postgres</c> user (or <c>nobody</c>).
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int s_databases;

    private readonly string _binaries;
    private readonly string _runAs;

    private PostgresServer(string folder, int port, string binaries, string runAs)
    {
        Folder = folder;
        Port = port;
        _binaries = binaries;
        _runAs = runAs;
    }

    /// <summary>The server of this test process, started at first use.</summary>
    public static PostgresServer Shared => s_shared.Value;

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The superuser, trusted on loopback.</summary>
    public const string User = "prow";

    /// <summary>A connection string to a new, empty database.</summary>
    public string CreateDatabase(string prefix = "test")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}".ToLowerInvariant();
        Exec(Path.Combine(_binaries, "psql"), $"-h 127.0.0.1 -p {Port} -U {User} -d postgres -v ON_ERROR_STOP=1 -q -c \"CREATE DATABASE {name}\"");
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Database={database};Pooling=true;Maximum Pool Size=20";

    /// <summary>Where the binaries are: Debian's versioned folder, else the PATH.</summary>
    public static string? FindBinaries()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static PostgresServer Start()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL is not installed (initdb and pg_ctl not found): apt-get install postgresql");
        var runAs = Environment.UserName == "root" ? (UserExists("postgres") ? "postgres" : "nobody") : "";
        var folder = Directory.CreateTempSubdirectory("prow-pg-").FullName;
        var data = Path.Combine(folder, "data");
        if (runAs.Length > 0)
        {
            Exec("chown", $"{runAs} {folder}");
        }

        var server = new PostgresServer(folder, LoopbackPort.Free(), binaries, runAs);
        server.RunAsServer(Path.Combine(binaries, "initdb"), $"-D {data} -U {User} --auth=trust -E UTF8 --no-sync -A trust");
        // Durability is not under test here; fsync off keeps the suite quick on shared disks.
        var options = $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        server.RunAsServer(Path.Combine(binaries, "pg_ctl"), $"-D {data} -l {Path.Combine(folder, "log")} -w -t 60 -o \"{options}\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunAsServer(Path.Combine(_binaries, "pg_ctl"), $"-D {Path.Combine(Folder, "data")} -m immediate -w stop");
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover temp folder is all that remains.
        }
    }

    private void RunAsServer(string file, string arguments)
    {
        if (_runAs.Length > 0)
        {
            arguments = $"-u {_runAs} -- {file} {arguments}";
            file = "runuser";
        }

        Exec(file, arguments);
    }

    private static void Exec(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));
}
