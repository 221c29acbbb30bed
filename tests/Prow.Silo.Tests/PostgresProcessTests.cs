using System.Net;
using Prow.TestKit;
using Prow.TestKit.Postgres;

namespace Prow.Silo.Tests;

/// <summary>Several real <c>prow</c> processes on one PostgreSQL database: one cluster, one inbox.</summary>
[Collection(HeavyTests.Name)]
public sealed class PostgresProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoProcesses_ShareTheGrains_AndADeliveryGivenToBothIsHandledOnce()
    {
        var connection = ConnectionFile();
        await using var a = await StartAsync("a", connection);
        await using var b = await StartAsync("b", connection);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await a.Client.SendAsync(Webhooks.Request("issue_comment", $"to-a-{i}", Webhooks.IssueComment("org/shared", i % 3 + 1, "x")))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.Client.SendAsync(Webhooks.Request("issue_comment", $"to-b-{i}", Webhooks.IssueComment("org/shared", i % 3 + 1, "x")))).StatusCode);
        }

        // GitHub redelivering to the other replica: stored once, handled once.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await b.Client.SendAsync(Webhooks.Request("issue_comment", $"to-a-{i}", Webhooks.IssueComment("org/shared", i % 3 + 1, "x")))).StatusCode);
        }

        await Poll.UntilAsync(async () => await DeliveriesAsync(a, "org/shared") == 40, 60);
        Assert.Equal(40, await DeliveriesAsync(b, "org/shared"));
    }

    [Fact]
    public async Task ProcessKilledWithDeliveriesPending_AnotherTakesThemWhenItsLeaseRunsOut()
    {
        const int Count = 30;
        var connection = ConnectionFile();
        await using var survivor = await StartAsync("survivor", connection, "--inbox-lease", "2");
        await using (var doomed = await StartAsync("doomed", connection, "--inbox-lease", "2", "--hold-ingress"))
        {
            for (var i = 0; i < Count; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await doomed.Client.SendAsync(Webhooks.Request("issue_comment", $"orphan-{i}", Webhooks.IssueComment("org/orphans", i + 1, "x")))).StatusCode);
            }

            Assert.Null(await survivor.RepositoryStateAsync("org/orphans"));
            doomed.Kill();
            await doomed.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await Poll.UntilAsync(async () => await DeliveriesAsync(survivor, "org/orphans") == Count, 120);
    }

    private string ConnectionFile()
    {
        var path = Path.Combine(_folder.Path, "database");
        File.WriteAllText(path, PostgresServer.Shared.CreateDatabase("prow"));
        return path;
    }

    private async Task<ProwProcess> StartAsync(string name, string connectionFile, params string[] extra)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "hmac"), Webhooks.Secret);
        await File.WriteAllTextAsync(Path.Combine(folder, "admin-token"), "admin-secret");
        return await ProwProcess.StartWithArgumentsAsync(folder, ["run", "--urls", "http://127.0.0.1:0", "--storage", "postgres:", "--storage-connection-file", connectionFile,
            "--hmac-secret-file", Path.Combine(folder, "hmac"), "--admin-token-file", Path.Combine(folder, "admin-token"), "--artifacts", Path.Combine(folder, "artifacts"), .. extra]);
    }

    private static async Task<long> DeliveriesAsync(ProwProcess prow, string repository) =>
        (await prow.RepositoryStateAsync(repository))?.GetProperty("Deliveries").GetProperty("Count").GetInt64() ?? 0;
}
