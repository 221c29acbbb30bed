using System.Text;
using Prow.Storage.Postgres;
using Prow.TestKit;
using Prow.TestKit.Postgres;

namespace Prow.Ingress.Tests;

/// <summary>The inbox contract on a real PostgreSQL, then what several gateways writing one inbox need: leases and dedupe across processes.</summary>
public sealed class PostgresIngressStoreTests : IngressStoreContract, IAsyncLifetime
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    private string _connection = "";

    public Task InitializeAsync()
    {
        _connection = PostgresServer.Shared.CreateDatabase("inbox");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<OpenedStore> OpenAsync()
    {
        var (store, database) = await OpenStoreAsync("gateway-a", TimeSpan.FromMinutes(5));
        return new OpenedStore(store, database.DisposeAsync);
    }

    [Fact]
    public async Task AnotherProcess_DoesNotTakeEntriesUnderALiveLease_ButTakesThemWhenTheLeaseRunsOut()
    {
        var (a, aDatabase) = await OpenStoreAsync("gateway-a", TimeSpan.FromSeconds(1));
        var (b, bDatabase) = await OpenStoreAsync("gateway-b", TimeSpan.FromMinutes(5));
        await using (aDatabase)
        await using (bDatabase)
        {
            var accepted = await a.AppendAsync([Message("one", "d1"), Message("two", "d2")], s_none);

            Assert.Empty(await b.ReadPendingAsync(0, 10, s_none));
            Assert.Empty(await b.ClaimExpiredAsync(10, s_none));
            Assert.Equal(2, (await a.ReadPendingAsync(0, 10, s_none)).Count);

            // a stops renewing (it died): its leases run out and b takes both, oldest first, exactly once.
            IReadOnlyList<IngressEntry> taken = [];
            await Poll.UntilAsync(async () => (taken = await b.ClaimExpiredAsync(10, s_none)).Count > 0, 30);
            Assert.Equal(accepted.Select(r => r.Id), taken.Select(e => e.Id));
            Assert.Equal(["one", "two"], taken.Select(Text));
            Assert.Empty(await b.ClaimExpiredAsync(10, s_none));
            Assert.Empty(await a.ClaimExpiredAsync(10, s_none));
        }
    }

    [Fact]
    public async Task Renew_MovesTheLeaseOn_ForPendingEntriesOfThisProcessOnly()
    {
        var (a, aDatabase) = await OpenStoreAsync("gateway-a", TimeSpan.FromMinutes(10));
        var (b, bDatabase) = await OpenStoreAsync("gateway-b", TimeSpan.FromMinutes(10));
        await using (aDatabase)
        await using (bDatabase)
        {
            var mine = (await a.AppendAsync([Message("mine", "m1"), Message("done", "m2")], s_none)).Select(r => r.Id).ToArray();
            var theirs = (await b.AppendAsync([Message("theirs", "t1")], s_none))[0].Id;
            await a.CompleteAsync([mine[1]], s_none);
            var before = await LeasesAsync(aDatabase);

            await a.RenewAsync(s_none);

            var after = await LeasesAsync(aDatabase);
            Assert.True(after[mine[0]] > before[mine[0]]);
            Assert.Null(after[mine[1]]);
            Assert.Equal(before[theirs], after[theirs]);
        }
    }

    [Fact]
    public async Task TwoGateways_StoringTheSameDeliveriesAtOnce_StoreEachOnce()
    {
        var (a, aDatabase) = await OpenStoreAsync("gateway-a", TimeSpan.FromMinutes(5));
        var (b, bDatabase) = await OpenStoreAsync("gateway-b", TimeSpan.FromMinutes(5));
        await using (aDatabase)
        await using (bDatabase)
        {
            var keys = Enumerable.Range(0, 200).Select(i => $"delivery-{i}").ToArray();
            // Opposite orders, in batches, so the two transactions wait on each other's keys.
            var fromA = Task.Run(() => Task.WhenAll(keys.Chunk(20).Select(c => a.AppendAsync([.. c.Select(k => Message(k, k))], s_none))));
            var fromB = Task.Run(() => Task.WhenAll(keys.Reverse().Chunk(20).Select(c => b.AppendAsync([.. c.Select(k => Message(k, k))], s_none))));
            var results = (await fromA).Concat(await fromB).SelectMany(r => r).ToArray();

            Assert.Equal(200, results.Count(r => !r.Duplicate));
            Assert.Equal(200, results.Select(r => r.Id).Distinct().Count());
            Assert.Equal(new IngressCounts(200, 0, 0), await a.CountAsync(s_none));
        }
    }

    private async Task<(PostgresIngressStore Store, PostgresDatabase Database)> OpenStoreAsync(string owner, TimeSpan lease)
    {
        var database = await PostgresDatabase.OpenAsync(_connection);
        return (new PostgresIngressStore(database, Time, owner, lease), database);
    }

    private static async Task<Dictionary<long, DateTime?>> LeasesAsync(PostgresDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT id, lease_until FROM ingress");
        await using var reader = await command.ExecuteReaderAsync();
        var leases = new Dictionary<long, DateTime?>();
        while (await reader.ReadAsync())
        {
            leases[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetDateTime(1);
        }

        return leases;
    }

    private static new IngressMessage Message(string payload, string? dedupeKey) => new("kind", dedupeKey, Encoding.UTF8.GetBytes(payload));
}
