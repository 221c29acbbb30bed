using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Prow.Storage.Sqlite;

/// <summary>
/// Orleans' reminder table on the <c>reminders</c> table. Each row carries its grain's
/// <see cref="GrainId.GetUniformHashCode"/> (<c>grain_hash</c>) for the reminder service's range reads; rows written by
/// the old runtime have none until <see cref="StartAsync"/> fills it in. The ETag is the row's <c>version</c>, drawn
/// from one counter for the whole table, so it is never reused.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period_ticks, version";

    private readonly Lock _hashesLock = new();
    private Task? _hashes;

    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureHashesAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return database.ReadAsync(connection => ReadEntries(connection.Command(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key",
            ("$type", TypeOf(grainId)), ("$key", KeyOf(grainId)))));
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Rows whose grain hash is in (<paramref name="begin"/>, <paramref name="end"/>]; when begin &gt;= end the range wraps
    /// around the ring: hash &gt; begin or hash &lt;= end (so begin == end is the whole ring).
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureHashesAsync();
        var condition = begin < end ? "grain_hash > $begin AND grain_hash <= $end" : "grain_hash > $begin OR grain_hash <= $end";
        return await database.ReadAsync(connection => ReadEntries(connection.Command(
            $"SELECT {Columns} FROM reminders WHERE {condition}",
            ("$begin", (long)begin), ("$end", (long)end))));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await database.ReadAsync(connection => ReadEntries(connection.Command(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name",
            ("$type", TypeOf(grainId)), ("$key", KeyOf(grainId)), ("$name", reminderName))));
        return rows.Reminders.Count > 0 ? rows.Reminders[0] : null;
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Inserts or replaces the row, whatever ETag the entry carries (as Orleans' own tables do); returns the new ETag.</summary>
    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        cancellationToken.ThrowIfCancellationRequested();
        var startAt = ToUtcTicks(entry.StartAt);
        return database.WriteAsync<string?>(connection =>
        {
            var version = NextVersion(connection);
            using var upsert = connection.Command(
                $"""
                INSERT INTO reminders ({Columns}, grain_hash) VALUES ($type, $key, $name, $start, $period, $version, $hash)
                ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
                    start_at = excluded.start_at, period_ticks = excluded.period_ticks, version = excluded.version, grain_hash = excluded.grain_hash
                """,
                ("$type", TypeOf(entry.GrainId)), ("$key", KeyOf(entry.GrainId)), ("$name", entry.ReminderName),
                ("$start", startAt), ("$period", entry.Period.Ticks), ("$version", version), ("$hash", (long)entry.GrainId.GetUniformHashCode()));
            upsert.ExecuteNonQuery();
            return FormatVersion(version);
        });
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the row only if its ETag is <paramref name="eTag"/>; true when it did.</summary>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        cancellationToken.ThrowIfCancellationRequested();
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Task.FromResult(false);
        }

        return database.WriteAsync(connection =>
        {
            using var command = connection.Command(
                "DELETE FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name AND version = $version",
                ("$type", TypeOf(grainId)), ("$key", KeyOf(grainId)), ("$name", reminderName), ("$version", version));
            return command.ExecuteNonQuery() == 1;
        });
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return database.WriteAsync(connection =>
        {
            using var command = connection.Command("DELETE FROM reminders");
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Fills in <c>grain_hash</c> for rows that have none (written before schema 2), once per instance.</summary>
    private Task EnsureHashesAsync()
    {
        lock (_hashesLock)
        {
            if (_hashes is null || _hashes.IsFaulted || _hashes.IsCanceled)
            {
                _hashes = database.WriteAsync(FillHashes);
            }

            return _hashes;
        }
    }

    private static int FillHashes(SqliteConnection connection)
    {
        var missing = new List<(string Type, string Key)>();
        using (var select = connection.Command("SELECT DISTINCT grain_type, grain_key FROM reminders WHERE grain_hash IS NULL"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                missing.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (type, key) in missing)
        {
            using var update = connection.Command(
                "UPDATE reminders SET grain_hash = $hash WHERE grain_type = $type AND grain_key = $key AND grain_hash IS NULL",
                ("$hash", (long)GrainId.Create(type, key).GetUniformHashCode()), ("$type", type), ("$key", key));
            update.ExecuteNonQuery();
        }

        return missing.Count;
    }

    private static long NextVersion(SqliteConnection connection)
    {
        using var command = connection.Command("UPDATE reminder_etag SET last = last + 1 WHERE id = 1 RETURNING last");
        return (long)command.ExecuteScalar()!;
    }

    private static ReminderTableData ReadEntries(SqliteCommand command)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (reader.Read())
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
    }

    // Orleans gives StartAt in UTC; an unspecified kind is taken as UTC too, as its reminder service does.
    private static long ToUtcTicks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    private static string TypeOf(GrainId grainId) => grainId.Type.ToString()!;

    private static string KeyOf(GrainId grainId) => grainId.Key.ToString();

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);
}
