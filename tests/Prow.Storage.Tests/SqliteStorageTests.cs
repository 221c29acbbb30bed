using System.Text;
using Orleans.Storage;
using Prow.Services.Admin;
using Prow.Storage.Serialization;
using Prow.Storage.Sqlite;

namespace Prow.Storage.Tests;

/// <summary>What the SQLite providers do beyond the shared contract: durability, the row layout, the state reader.</summary>
public sealed class SqliteStorageTests : IAsyncLifetime
{
    private static readonly DateTime s_start = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempFolder _folder = new();
    private SqliteDatabase _database = null!;

    private string DatabasePath => _folder.File("prow.db");

    public Task InitializeAsync()
    {
        _database = SqliteDatabase.Open(DatabasePath);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task StateAndReminders_SurviveReopeningTheFile()
    {
        var grain = GrainId.Create("prowjob", "0b7c9d5e");
        var state = new GrainState<SampleState>(new SampleState { Name = "kept", Kind = SampleKind.Periodic });
        await Storage().WriteStateAsync("state", grain, state);
        var etag = await new SqliteReminderTable(_database).UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = s_start, Period = TimeSpan.FromHours(1) });
        await _database.DisposeAsync();

        _database = SqliteDatabase.Open(DatabasePath);
        var read = new GrainState<SampleState>(new SampleState());
        await Storage().ReadStateAsync("state", grain, read);
        var reminders = new SqliteReminderTable(_database);
        await reminders.StartAsync();

        Assert.Equal("kept", read.State!.Name);
        Assert.Equal(SampleKind.Periodic, read.State.Kind);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(etag, (await reminders.ReadRow(grain, "r"))!.ETag);
        Assert.Single((await reminders.ReadRows(0u, 0u)).Reminders);
    }

    [Fact]
    public async Task State_RowIsKeyedByGrainTypeKeyAndName_WithVersionAsETag_AndJsonPayload()
    {
        var grain = GrainId.Create("prowjob", "key/with spaces");
        var state = new GrainState<SampleState>(new SampleState { Name = "x", Kind = SampleKind.Presubmit });
        await Storage().WriteStateAsync("state", grain, state);
        await Storage().WriteStateAsync("state", grain, state);

        var (version, payload) = await _database.ReadAsync(c =>
        {
            using var command = c.Command("SELECT version, payload FROM grain_state WHERE grain_type = 'prowjob' AND grain_key = 'key/with spaces' AND state_name = 'state'");
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            return (reader.GetInt64(0), Encoding.UTF8.GetString((byte[])reader[1]));
        });

        Assert.Equal(2, version);
        Assert.Equal("2", state.ETag);
        Assert.StartsWith("""{"Name":"x","Kind":"Presubmit",""", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_WriteWithAnETagForAMissingRecord_Conflicts()
    {
        // Orleans' memory storage lets this through (it might have lost the record); a database never loses one.
        var state = new GrainState<SampleState>(new SampleState()) { ETag = "4", RecordExists = true };

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync("s", GrainId.Create("t", "k"), state));

        Assert.Equal("4", error.CurrentEtag);
        Assert.Null(error.StoredEtag);
    }

    [Fact]
    public async Task State_AnETagThisStorageNeverIssued_IsInconsistent()
    {
        var grain = GrainId.Create("t", "k");
        await Storage().WriteStateAsync("s", grain, new GrainState<SampleState>(new SampleState()));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync("s", grain, new GrainState<SampleState>(new SampleState()) { ETag = "a1b2" }));
    }

    [Fact]
    public async Task State_ManyGrainsWritingAtOnce_ShareCommits()
    {
        var storage = Storage();
        var before = (_database.Writes, _database.WriteBatches);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() =>
            storage.WriteStateAsync("state", GrainId.Create("prowjob", $"job-{i:D4}"), new GrainState<SampleState>(new SampleState { Name = $"{i}" })))));

        var writes = _database.Writes - before.Writes;
        var commits = _database.WriteBatches - before.WriteBatches;
        Assert.Equal(500, writes);
        Assert.True(commits < writes / 2, $"{writes} writes took {commits} commits");
        Assert.Equal(500, (await new SqliteStoredStateReader(_database).ListKeysAsync("prowjob", null, 1000, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task StateReader_ListsKeysInOrderAfterAKey_AndReadsStatesAsJson()
    {
        var storage = Storage();
        var now = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var clock = new FixedTime(now);
        var timed = new SqliteGrainStorage(_database, JsonGrainStateSerializer.Instance, TestSupport.Activators, clock);
        await storage.WriteStateAsync("s", GrainId.Create("inspect", "b"), new GrainState<SampleState>(new SampleState { Name = "bee" }));
        await timed.WriteStateAsync("s", GrainId.Create("inspect", "a"), new GrainState<SampleState>(new SampleState { Name = "ay" }));
        await storage.WriteStateAsync("t", GrainId.Create("inspect", "a"), new GrainState<SampleState>(new SampleState { Name = "tee" }));
        await storage.WriteStateAsync("s", GrainId.Create("inspect", "c"), new GrainState<SampleState>(new SampleState()));
        await storage.WriteStateAsync("s", GrainId.Create("other", "a0"), new GrainState<SampleState>(new SampleState()));
        IStoredStateReader reader = new SqliteStoredStateReader(_database);

        Assert.Equal(["a", "b", "c"], await reader.ListKeysAsync("inspect", null, 10, CancellationToken.None));
        Assert.Equal(["a", "b"], await reader.ListKeysAsync("inspect", null, 2, CancellationToken.None));
        Assert.Equal(["c"], await reader.ListKeysAsync("inspect", "b", 10, CancellationToken.None));
        Assert.Empty(await reader.ListKeysAsync("inspect", "c", 10, CancellationToken.None));
        Assert.Empty(await reader.ListKeysAsync("nothing", null, 10, CancellationToken.None));

        var states = await reader.ReadStatesAsync("inspect", "a", CancellationToken.None);
        Assert.Equal(["s", "t"], states.Select(s => s.StateName));
        Assert.Contains("\"Name\":\"ay\"", states[0].Json, StringComparison.Ordinal);
        Assert.Equal("1", states[0].ETag);
        Assert.Equal(now, states[0].UpdatedAt);
        Assert.True(reader.CanList);
        Assert.Empty(await reader.ReadStatesAsync("inspect", "zzz", CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_RowCarriesTheGrainHash_AndETagsAreNeverReusedAfterARemove()
    {
        var table = new SqliteReminderTable(_database);
        var grain = GrainId.Create("prowjob", "hash-me");
        var first = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = s_start, Period = TimeSpan.FromMinutes(1) });
        Assert.True(await table.RemoveRow(grain, "r", first!));

        var second = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = s_start, Period = TimeSpan.FromMinutes(1) });

        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(grain, "r", first!));
        Assert.Equal((long)grain.GetUniformHashCode(), await _database.ReadAsync(c => (long)c.Command("SELECT grain_hash FROM reminders").ExecuteScalar()!));
    }

    [Fact]
    public async Task Reminders_StartAtOfAnyKind_IsStoredAsUtc()
    {
        var table = new SqliteReminderTable(_database);
        var grain = GrainId.Create("t", "k");
        var local = new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc).ToLocalTime();

        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = local, Period = TimeSpan.FromMinutes(1) });

        var row = await table.ReadRow(grain, "r");
        Assert.Equal(DateTimeKind.Utc, row!.StartAt.Kind);
        Assert.Equal(local.ToUniversalTime(), row.StartAt);
    }

    private SqliteGrainStorage Storage() => new(_database, JsonGrainStateSerializer.Instance, TestSupport.Activators, TimeProvider.System);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
