using System.Net;
using System.Text.Json;
using Prow.FakeGitHub;
using Prow.TestKit;
using Prow.TestKit.Postgres;

namespace Prow.Silo.Tests;

/// <summary><c>--role gateway</c> and <c>--role worker</c> as real processes on one PostgreSQL database.</summary>
[Collection(HeavyTests.Name)]
public sealed class RolesProcessTests : IDisposable
{
    private const string Jobs = """
        postsubmits:
          org/repo:
          - name: on-the-worker
            decoration_config: {skip_cloning: true}
            spec: {containers: [{image: alpine, command: [sh, -c, "echo ran on the worker"]}]}
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WebhookPostedToTheGateway_RunsAJobOnTheWorker_AndTheGatewaysSiteShowsIt()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        var connection = Path.Combine(_folder.Path, "database");
        await File.WriteAllTextAsync(connection, PostgresServer.Shared.CreateDatabase("prow"));
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "jobs.yaml"), Jobs);
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "plugins.yaml"), "plugins:\n  org:\n    plugins: [trigger]\n");
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "token"), "token");

        await using var worker = await StartAsync("worker", connection, github.BaseAddress);
        await using var gateway = await StartAsync("gateway", connection, github.BaseAddress);

        Assert.Equal("ready: gateway", await gateway.Client.GetStringAsync("/healthz/ready"));
        Assert.Equal("ready: worker", await worker.Client.GetStringAsync("/healthz/ready"));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.Client.SendAsync(Webhooks.Request("push", "to-the-worker", Webhooks.Push("org/repo", "main", "first")))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.SendAsync(Webhooks.Request("push", "to-the-gateway", Webhooks.Push("org/repo", "main", "first")))).StatusCode);

        await Poll.UntilAsync(async () => await StateAsync(gateway.Client, "on-the-worker") == "success", 120);
        var log = Assert.Single(Directory.GetFiles(Path.Combine(_folder.Path, "worker", "artifacts"), "build-log.txt", SearchOption.AllDirectories));
        Assert.Contains("ran on the worker", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "gateway", "artifacts")) && Directory.GetFiles(Path.Combine(_folder.Path, "gateway", "artifacts"), "*", SearchOption.AllDirectories).Length > 0, "the gateway ran a job");
    }

    [Fact]
    public async Task GatewayOrWorkerRole_WithoutPostgres_IsRefusedWithTheReason()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Cli.ProwCommandLine.InvokeAsync(["run", "--role", "gateway", "--storage", "memory:", "--urls", "http://127.0.0.1:0"], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("--role gateway needs --storage postgres:", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<ProwProcess> StartAsync(string role, string connectionFile, Uri github)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, role)).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "hmac"), Webhooks.Secret);
        return await ProwProcess.StartWithArgumentsAsync(folder, ["run", "--role", role, "--urls", "http://127.0.0.1:0", "--storage", "postgres:", "--storage-connection-file", connectionFile,
            "--hmac-secret-file", Path.Combine(folder, "hmac"), "--artifacts", Path.Combine(folder, "artifacts"),
            "--job-config-path", Path.Combine(_folder.Path, "jobs.yaml"), "--plugin-config", Path.Combine(_folder.Path, "plugins.yaml"),
            "--github-endpoint", github.ToString(), "--github-token-path", Path.Combine(_folder.Path, "token")]);
    }

    private static async Task<string?> StateAsync(HttpClient site, string job)
    {
        using var document = JsonDocument.Parse(await site.GetStringAsync("/prowjobs.js"));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("spec").GetProperty("job").GetString() == job)
            .Select(item => item.GetProperty("status").GetProperty("state").GetString())
            .FirstOrDefault();
    }
}
