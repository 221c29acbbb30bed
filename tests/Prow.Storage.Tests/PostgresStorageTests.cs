using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;
using Prow.Services.Admin;
using Prow.Storage.Postgres;
using Prow.TestKit;
using Prow.TestKit.Postgres;

namespace Prow.Storage.Tests;

/// <summary>What PostgreSQL adds beyond the shared contract: the versioned schema, several silos on one database.</summary>
public sealed class PostgresStorageTests
{
    [Fact]
    public async Task Open_AppliesTheSchemaOnce_EvenWhenSeveralProcessesStartAtOnce()
    {
        var connection = PostgresServer.Shared.CreateDatabase("schema");

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresDatabase.OpenAsync(connection))));
        try
        {
            Assert.All(opened, d => Assert.Equal(1, d.SchemaVersion));
            await using var command = opened[0].DataSource.CreateCommand("SELECT version FROM prow_schema WHERE component = 'prow'");
            Assert.Equal(1, await command.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var database in opened)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Open_WithoutMigrating_RefusesAnUnmigratedDatabase_AndOneFromANewerBuild()
    {
        var connection = PostgresServer.Shared.CreateDatabase("schema");

        var missing = await Assert.ThrowsAsync<PostgresStorageException>(() => PostgresDatabase.OpenAsync(connection, migrate: false));
        Assert.Contains("schema version 0", missing.Message, StringComparison.Ordinal);
        Assert.Contains("prow db migrate", missing.Message, StringComparison.Ordinal);

        await (await PostgresDatabase.OpenAsync(connection)).DisposeAsync();
        await using (var migrated = await PostgresDatabase.OpenAsync(connection, migrate: false))
        {
            await using var bump = migrated.DataSource.CreateCommand("UPDATE prow_schema SET version = 99");
            await bump.ExecuteNonQueryAsync();
        }

        var newer = await Assert.ThrowsAsync<PostgresStorageException>(() => PostgresDatabase.OpenAsync(connection));
        Assert.Contains("schema version 99, newer than this build knows (1)", newer.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{PostgresServer.Shared.Port}", newer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnreachableServer_NamesItWithoutThePassword()
    {
        var error = await Assert.ThrowsAsync<PostgresStorageException>(() =>
            PostgresDatabase.OpenAsync($"postgres://prow:s3cret@127.0.0.1:{LoopbackPort.Free()}/prow?Timeout=2"));

        Assert.Contains("postgres://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_UriForm_BecomesNpgsqlKeywords()
    {
        var normalized = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize("postgresql://prow%40ci:p%3Ass@db.example:6432/prow_main?sslmode=Require"));

        Assert.Equal(("db.example", 6432, "prow_main", "prow@ci", "p:ss", SslMode.Require), (normalized.Host, normalized.Port, normalized.Database, normalized.Username, normalized.Password, normalized.SslMode));
        Assert.Equal("Host=h;Database=d", PostgresConnectionString.Normalize(" Host=h;Database=d \n"));
    }

    [Fact]
    public async Task TwoSilos_JoinThroughTheMembershipTable_ShareStateAndReminders_AndTheSecondServesAfterTheFirstStops()
    {
        await using var database = await PostgresDatabase.OpenAsync(PostgresServer.Shared.CreateDatabase("cluster"));
        var first = await StartClusteredAsync(database);
        await using var second = await StartClusteredAsync(database);
        try
        {
            await Poll.UntilAsync(async () => (await ActiveSilosAsync(database)) == 2, 60);
            // Grains are placed on either silo; every one answers from both, and what one wrote the other reads.
            for (var i = 0; i < 20; i++)
            {
                await first.Grains.GetGrain<IStateTestGrain>($"g{i}").SetAsync($"name {i}", SampleKind.Periodic, "{}");
            }

            for (var i = 0; i < 20; i++)
            {
                Assert.Equal($"name {i}", await second.Grains.GetGrain<IStateTestGrain>($"g{i}").GetNameAsync());
            }

            await second.Grains.GetGrain<IReminderTestGrain>("r").StartAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
            await Poll.UntilAsync(() => first.Probe.Count("tick:r") + second.Probe.Count("tick:r") >= 2, 60);

            var reader = second.Services.GetRequiredService<IStoredStateReader>();
            Assert.Equal(20, (await reader.ListKeysAsync("statetest", null, 100, CancellationToken.None)).Count);
            Assert.IsType<PostgresGrainStorage>(second.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
            Assert.IsType<PostgresReminderTable>(second.Services.GetRequiredService<IReminderTable>());
        }
        finally
        {
            await first.DisposeAsync();
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"name {i}", await second.Grains.GetGrain<IStateTestGrain>($"g{i}").GetNameAsync());
        }

        await Poll.UntilAsync(async () => (await ActiveSilosAsync(database)) == 1, 60);
        await second.Grains.GetGrain<IReminderTestGrain>("r").StopAsync();
    }

    private static Task<TestSilo> StartClusteredAsync(PostgresDatabase database) =>
        TestSilo.StartAsync(
            s => s.UseProwPostgresStorage(database),
            (s, siloPort, gatewayPort) =>
            {
                s.UseProwPostgresClustering(database);
                s.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
                s.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("prow-pg-tests", "prow-pg-tests"));
            });

    private static async Task<long> ActiveSilosAsync(PostgresDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM orleans_membership WHERE status = 3");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
