using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;
using Prow.Services.Admin;
using Prow.Storage.Serialization;
using Prow.Storage.Sqlite;
using Prow.TestKit;

namespace Prow.Storage.Tests;

/// <summary>The providers in real silos, registered as the Prow silo registers them.</summary>
public sealed class SiloTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => _folder.File("prow.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sqlite_StateWrittenByOneSilo_IsReadByTheNextOnTheSameFile()
    {
        await using (var first = await StartSqliteAsync())
        {
            var grain = first.Grains.GetGrain<IStateTestGrain>("job/1");
            Assert.False(await grain.RecordExistsAsync());
            await grain.SetAsync("written", SampleKind.Periodic, """{"image":"alpine","args":["a"]}""");
        }

        await using var second = await StartSqliteAsync();
        var again = second.Grains.GetGrain<IStateTestGrain>("job/1");

        Assert.True(await again.RecordExistsAsync());
        Assert.Equal("written", await again.GetNameAsync());
        Assert.Equal(SampleKind.Periodic, await again.GetKindAsync());
        Assert.Equal("""{"image":"alpine","args":["a"]}""", await again.GetSpecJsonAsync());

        // Orleans names the grain type after the class ("StateTestGrain" -> "statetest"), as the old runtime did.
        var reader = second.Services.GetRequiredService<IStoredStateReader>();
        Assert.Equal(["job/1"], await reader.ListKeysAsync("statetest", null, 10, CancellationToken.None));
        Assert.Contains("\"Kind\":\"Periodic\"", Assert.Single(await reader.ReadStatesAsync("statetest", "job/1", CancellationToken.None)).Json, StringComparison.Ordinal);

        await again.ClearAsync();
        Assert.False(await again.RecordExistsAsync());
        Assert.Empty(await reader.ListKeysAsync("statetest", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Sqlite_ReminderFires_AndFiresAgainAfterASiloRestart()
    {
        await using (var first = await StartSqliteAsync())
        {
            await first.Grains.GetGrain<IReminderTestGrain>("r").StartAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
            await Poll.UntilAsync(() => first.Probe.Count("tick:r") >= 1, 30);
        }

        await using var second = await StartSqliteAsync();
        await Poll.UntilAsync(() => second.Probe.Count("tick:r") >= 2, 30);

        await second.Grains.GetGrain<IReminderTestGrain>("r").StopAsync();
        Assert.Empty((await second.Services.GetRequiredService<IReminderTable>().ReadRows(0u, 0u)).Reminders);
    }

    [Fact]
    public async Task Sqlite_ReminderRegisteredBeforeARestart_FiresOnlyAfterIt()
    {
        await using (var first = await StartSqliteAsync())
        {
            await first.Grains.GetGrain<IReminderTestGrain>("late").StartAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(10));
        }

        await using var second = await StartSqliteAsync();
        await Poll.UntilAsync(() => second.Probe.Count("tick:late") == 1, 30);
    }

    [Fact]
    public async Task Sqlite_DatabaseOfTheOldRuntime_ServesItsStateAndFiresItsReminder()
    {
        MigrationTests.WriteOldDatabase(
            DatabasePath, "statetest", "legacy", """{"Name":"from the old build","Kind":"Presubmit","Numbers":[],"Labels":{},"Spec":{},"Decoration":null}""", 9,
            TimeSpan.FromMilliseconds(500), DateTimeOffset.UtcNow.AddMilliseconds(300));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            // The same old row again, for the reminder grain type.
            connection.Open();
            connection.Command("UPDATE reminders SET grain_type = 'remindertest'").ExecuteNonQuery();
        }

        await using var silo = await StartSqliteAsync();

        Assert.Equal("from the old build", await silo.Grains.GetGrain<IStateTestGrain>("legacy").GetNameAsync());
        Assert.Equal(SampleKind.Presubmit, await silo.Grains.GetGrain<IStateTestGrain>("legacy").GetKindAsync());
        await Poll.UntilAsync(() => silo.Probe.Count("tick:legacy") >= 1, 30);
    }

    [Fact]
    public async Task Memory_StoresStateAsOurJson_AndDeliversReminders()
    {
        await using var silo = await TestSilo.StartAsync(s => s.UseProwMemoryStorage());

        var grain = silo.Grains.GetGrain<IStateTestGrain>("m");
        await grain.SetAsync("in memory", SampleKind.Presubmit, """{"k":[1,2]}""");
        await silo.Grains.GetGrain<IReminderTestGrain>("m").StartAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));

        Assert.Equal("in memory", await grain.GetNameAsync());
        Assert.Equal("""{"k":[1,2]}""", await grain.GetSpecJsonAsync());
        Assert.IsType<MemoryGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.Same(JsonGrainStateSerializer.Instance, silo.Services.GetRequiredService<IOptionsMonitor<MemoryGrainStorageOptions>>().Get(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).GrainStorageSerializer);
        await Poll.UntilAsync(() => silo.Probe.Count("tick:m") >= 2, 30);
    }

    [Fact]
    public async Task Sqlite_Registration_IsTheDefaultStorageWithOurSerializer()
    {
        await using var silo = await StartSqliteAsync();

        Assert.IsType<SqliteGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.IsType<SqliteGrainStorage>(silo.Services.GetRequiredService<IGrainStorage>());
        Assert.Same(JsonGrainStateSerializer.Instance, silo.Services.GetRequiredKeyedService<IGrainStorageSerializer>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.IsType<SqliteReminderTable>(silo.Services.GetRequiredService<IReminderTable>());
        Assert.IsType<SqliteStoredStateReader>(silo.Services.GetRequiredService<IStoredStateReader>());
    }

    private Task<TestSilo> StartSqliteAsync()
    {
        var database = SqliteDatabase.Open(DatabasePath);
        return TestSilo.StartAsync(s => s.UseProwSqliteStorage(database));
    }
}
