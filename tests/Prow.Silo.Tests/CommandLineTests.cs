using System.Net;
using System.Net.Sockets;
using Prow.Silo.Cli;

namespace Prow.Silo.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--no-such-flag")]
    [InlineData("run --urls")]
    [InlineData("--storage postgres://x")]
    public async Task BadFlag_OneLineErrorAndExitCode2(string arguments)
    {
        var (exit, _, error) = await RunAsync(arguments.Split(' '));

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("prow: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresWithoutConnectionFile_OneLineErrorAndExitCode1()
    {
        var (exit, _, error) = await RunAsync(["run", "--storage", "postgres:", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(1, exit);
        Assert.Equal("prow: --storage postgres: needs --storage-connection-file (a file holding the connection string)", error.Trim());
    }

    [Fact]
    public async Task PostgresUriOnTheCommandLine_IsRefused_PointingAtTheFile()
    {
        var (exit, _, error) = await RunAsync(["--storage", "postgres://prow:secret@db/prow"]);

        Assert.Equal(2, exit);
        Assert.Contains("--storage-connection-file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_AppliesTheSchema_AndSaysWhere()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "connection");
        await File.WriteAllTextAsync(file, Prow.TestKit.Postgres.PostgresServer.Shared.CreateDatabase("migrate"));

        var (exit, output, error) = await RunAsync(["db", "migrate", "--storage-connection-file", file]);

        Assert.True(exit == 0, error);
        Assert.Matches(@"^prow: postgres://127\.0\.0\.1:\d+/migrate_\d+_\d+ is at schema version 1$", output.Trim());
        var (again, _, _) = await RunAsync(["db", "migrate", "--storage-connection-file", file]);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task UnwritableStoragePath_OneLineErrorAndExitCode1()
    {
        using var folder = new TempFolder();
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");

        var (exit, _, error) = await RunAsync(["run", "--storage", $"sqlite:{blocker}/prow.db", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"prow: cannot open storage sqlite:{blocker}/prow.db", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakenPort_OneLineErrorAndExitCode1()
    {
        using var folder = new TempFolder();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exit, _, error) = await RunAsync(["--urls", $"http://127.0.0.1:{port}", "--storage", $"sqlite:{folder.Path}/prow.db"]);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TakenPort_NothingScheduledOrRunBeforeProwExits()
    {
        using var folder = new TempFolder();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var database = Path.Combine(folder.Path, "prow.db");

        var (exit, _, _) = await RunAsync([
            "--urls", $"http://127.0.0.1:{port}", "--storage", $"sqlite:{database}", "--artifacts", Path.Combine(folder.Path, "artifacts"),
            "--config-path", Path.Combine(RepositoryRoot.Examples, "config.yaml"), "--job-config-path", Path.Combine(RepositoryRoot.Examples, "jobs")]);

        // The sample periodic would have registered its reminder and run at once; the sinker and branch protector too.
        Assert.Equal(1, exit);
        await using var storage = Prow.Storage.Sqlite.SqliteDatabase.Open(database);
        Assert.Equal(0L, await storage.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM reminders";
            return (long)command.ExecuteScalar()!;
        }));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "artifacts", "logs")));
    }

    [Fact]
    public async Task TakenSiloPort_OneLineErrorAndExitCode1()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exit, _, error) = await RunAsync(["run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--silo-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"prow: the Orleans silo cannot listen (--silo-port {port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SiloPortOutOfRange_IsRefusedWhenParsed()
    {
        var (exit, _, error) = await RunAsync(["run", "--storage", "memory:", "--silo-port", "70000"]);

        Assert.NotEqual(0, exit);
        Assert.Contains("--silo-port: 70000 is not a port (1-65535)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingHmacSecretFile_OneLineErrorAndExitCode1()
    {
        var (exit, _, error) = await RunAsync(["--storage", "memory:", "--hmac-secret-file", "/nonexistent/hmac"]);

        Assert.Equal(1, exit);
        Assert.StartsWith("prow: --hmac-secret-file:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsRunAndItsFlags()
    {
        var (exit, output, _) = await RunAsync(["--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("run", output, StringComparison.Ordinal);
        Assert.Contains("--storage", output, StringComparison.Ordinal);
        Assert.Contains("--hmac-secret-file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunHelp_DocumentsRoleAndThePostgresFlags()
    {
        var (exit, output, _) = await RunAsync(["run", "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("--role", output, StringComparison.Ordinal);
        Assert.Contains("gateway", output, StringComparison.Ordinal);
        Assert.Contains("worker", output, StringComparison.Ordinal);
        Assert.Contains("--storage-connection-file", output, StringComparison.Ordinal);
        Assert.Contains("--advertise-address", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRole_IsAParseError()
    {
        var (exit, _, error) = await RunAsync(["run", "--role", "leader"]);

        Assert.Equal(2, exit);
        Assert.Contains("leader", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProwCommandLine.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
