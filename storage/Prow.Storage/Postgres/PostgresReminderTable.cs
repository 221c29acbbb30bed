using System.Globalization;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Prow.Storage.Postgres;

/// <summary>
/// Orleans' reminder table on the <c>reminders</c> table, as on SQLite: each row carries its grain's
/// <see cref="GrainId.GetUniformHashCode"/> for the reminder service's ring-range reads; the ETag comes from one
/// sequence, so a reminder removed and registered again never gets an ETag it had before.
/// </summary>
public sealed class PostgresReminderTable(PostgresDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period_ticks, version";

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        ReadEntriesAsync($"SELECT {Columns} FROM reminders WHERE grain_type = @type AND grain_key = @key", cancellationToken, ("type", TypeOf(grainId)), ("key", KeyOf(grainId)));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Rows whose grain hash is in (<paramref name="begin"/>, <paramref name="end"/>]; when begin &gt;= end the range wraps
    /// around the ring: hash &gt; begin or hash &lt;= end (so begin == end is the whole ring).
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var condition = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "grain_hash > @begin OR grain_hash <= @end";
        return ReadEntriesAsync($"SELECT {Columns} FROM reminders WHERE {condition}", cancellationToken, ("begin", (long)begin), ("end", (long)end));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var rows = await ReadEntriesAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = @type AND grain_key = @key AND name = @name",
            cancellationToken,
            ("type", TypeOf(grainId)), ("key", KeyOf(grainId)), ("name", reminderName));
        return rows.Reminders.Count > 0 ? rows.Reminders[0] : null;
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Inserts or replaces the row, whatever ETag the entry carries (as Orleans' own tables do); returns the new ETag.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        await using var command = database.DataSource.CreateCommand(
            $"""
            INSERT INTO reminders ({Columns}, grain_hash) VALUES (@type, @key, @name, @start, @period, nextval('reminder_etag'), @hash)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
                start_at = excluded.start_at, period_ticks = excluded.period_ticks, version = excluded.version, grain_hash = excluded.grain_hash
            RETURNING version
            """);
        Add(command, ("type", TypeOf(entry.GrainId)), ("key", KeyOf(entry.GrainId)), ("name", entry.ReminderName),
            ("start", ToUtcTicks(entry.StartAt)), ("period", entry.Period.Ticks), ("hash", (long)entry.GrainId.GetUniformHashCode()));
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return FormatVersion(version);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the row only if its ETag is <paramref name="eTag"/>; true when it did.</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        await using var command = database.DataSource.CreateCommand(
            "DELETE FROM reminders WHERE grain_type = @type AND grain_key = @key AND name = @name AND version = @version");
        Add(command, ("type", TypeOf(grainId)), ("key", KeyOf(grainId)), ("name", reminderName), ("version", version));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM reminders");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ReminderTableData> ReadEntriesAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        Add(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Create(reader.GetString(0), reader.GetString(1)),
                ReminderName = reader.GetString(2),
                StartAt = new DateTime(reader.GetInt64(3), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(4)),
                ETag = FormatVersion(reader.GetInt64(5)),
            });
        }

        return new ReminderTableData(entries);
    }

    private static void Add(NpgsqlCommand command, params (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    // Orleans gives StartAt in UTC; an unspecified kind is taken as UTC too, as its reminder service does.
    private static long ToUtcTicks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    private static string TypeOf(GrainId grainId) => grainId.Type.ToString()!;

    private static string KeyOf(GrainId grainId) => grainId.Key.ToString();

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);
}
