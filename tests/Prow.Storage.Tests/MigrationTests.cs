using System.Text;
using Microsoft.Data.Sqlite;
using Prow.Storage.Serialization;
using Prow.Storage.Sqlite;

namespace Prow.Storage.Tests;

/// <summary>A <c>.prow/prow.db</c> written by the old runtime (schema 1) opens with this build as it is.</summary>
public sealed class MigrationTests : IDisposable
{
    /// <summary>The old runtime's schema 1, as its SqliteDatabase created it.</summary>
    internal const string OldSchema = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            state_name TEXT NOT NULL,
            payload    BLOB NOT NULL,
            version    INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;
        CREATE TABLE reminders (
            grain_type   TEXT NOT NULL,
            grain_key    TEXT NOT NULL,
            name         TEXT NOT NULL,
            start_at     INTEGER NOT NULL,
            period_ticks INTEGER NOT NULL,
            last_tick_at INTEGER NULL,
            version      INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        ) WITHOUT ROWID;
        CREATE TABLE ingress (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            kind         TEXT NOT NULL,
            dedupe_key   TEXT NULL UNIQUE,
            payload      BLOB NOT NULL,
            accepted_at  INTEGER NOT NULL,
            status       INTEGER NOT NULL DEFAULT 0,
            attempts     INTEGER NOT NULL DEFAULT 0,
            last_error   TEXT NULL,
            completed_at INTEGER NULL
        );
        CREATE INDEX ix_ingress_status ON ingress (status, id);
        INSERT INTO schema_version (version) VALUES (1);
        """;

    private static readonly DateTimeOffset s_start = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes a schema-1 database with one state row and one reminder row, as the old runtime stored them.</summary>
    internal static void WriteOldDatabase(string path, string grainType, string key, string stateJson, long stateVersion, TimeSpan reminderPeriod, DateTimeOffset reminderStart)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        connection.Command(OldSchema).ExecuteNonQuery();
        connection.Command(
            "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at) VALUES ($type, $key, 'state', $payload, $version, $now)",
            ("$type", grainType), ("$key", key), ("$payload", Encoding.UTF8.GetBytes(stateJson)), ("$version", stateVersion), ("$now", s_start.UtcTicks)).ExecuteNonQuery();
        connection.Command(
            "INSERT INTO reminders (grain_type, grain_key, name, start_at, period_ticks, last_tick_at, version) VALUES ($type, $key, 'tick', $start, $period, $last, 5)",
            ("$type", grainType), ("$key", key), ("$start", reminderStart.UtcTicks), ("$period", reminderPeriod.Ticks), ("$last", reminderStart.UtcTicks)).ExecuteNonQuery();
    }

    [Fact]
    public async Task OldDatabase_StateReadsAsItIs_AndItsReminderGetsAGrainHash()
    {
        var path = _folder.File("prow.db");
        WriteOldDatabase(path, "prowjob", "6a4c0e2f", """{"Name":"old job","Kind":"Presubmit","Numbers":[7],"Labels":{},"Spec":{"image":"alpine"},"Decoration":null}""", 3, TimeSpan.FromHours(1), s_start);
        var grain = GrainId.Create("prowjob", "6a4c0e2f");

        await using var database = SqliteDatabase.Open(path);
        var storage = new SqliteGrainStorage(database, JsonGrainStateSerializer.Instance, TestSupport.Activators, TimeProvider.System);
        var state = new GrainState<SampleState>(new SampleState());
        await storage.ReadStateAsync("state", grain, state);
        var reminders = new SqliteReminderTable(database);
        await reminders.StartAsync();

        Assert.Equal(2, database.SchemaVersion);
        Assert.True(state.RecordExists);
        Assert.Equal("3", state.ETag);
        Assert.Equal("old job", state.State!.Name);
        Assert.Equal(SampleKind.Presubmit, state.State.Kind);
        Assert.Equal("alpine", state.State.Spec.GetProperty("image").GetString());
        Assert.Equal(["6a4c0e2f"], await new SqliteStoredStateReader(database).ListKeysAsync("prowjob", null, 10, CancellationToken.None));

        var row = Assert.Single((await reminders.ReadRows(grain.GetUniformHashCode() - 1, grain.GetUniformHashCode())).Reminders);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("tick", row.ReminderName);
        Assert.Equal(s_start.UtcDateTime, row.StartAt);
        Assert.Equal(TimeSpan.FromHours(1), row.Period);
        Assert.Equal("5", row.ETag);
        Assert.Equal((long)grain.GetUniformHashCode(), await database.ReadAsync(c => c.Command("SELECT grain_hash FROM reminders").ExecuteScalar()));

        // The state writes on from its old version; new reminder ETags start above the old ones.
        state.State = state.State with { Name = "new" };
        await storage.WriteStateAsync("state", grain, state);
        Assert.Equal("4", state.ETag);
        Assert.Equal("6", await reminders.UpsertRow(row));
    }

    [Fact]
    public async Task OldDatabase_RangeReadsFindOldRows_EvenBeforeStartAsync()
    {
        var path = _folder.File("prow.db");
        WriteOldDatabase(path, "prowjob", "k", "{}", 1, TimeSpan.FromHours(1), s_start);

        await using var database = SqliteDatabase.Open(path);

        Assert.Single((await new SqliteReminderTable(database).ReadRows(0u, 0u)).Reminders);
    }

    [Fact]
    public async Task DatabaseFromANewerBuild_IsRefused_NamingTheFile()
    {
        var path = _folder.File("future.db");
        await SqliteDatabase.Open(path).DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Command("INSERT INTO schema_version (version) VALUES (999)").ExecuteNonQuery();
        }

        var error = Assert.Throws<SqliteStorageException>(() => SqliteDatabase.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }
}
