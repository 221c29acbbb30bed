using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Prow.Runtime.Sqlite;

public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period_ticks, last_tick_at, version";

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadEntries(connection.Command($"SELECT {Columns} FROM reminders")));

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadEntries(connection.Command(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key", ("$type", grainId.Type), ("$key", grainId.Key))));

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        (await database.ReadAsync(connection => ReadEntries(connection.Command(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name",
            ("$type", grainId.Type), ("$key", grainId.Key), ("$name", reminderName))))) is [var row, ..] ? row : null;

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.WriteAsync(connection =>
        {
            var key = new (string, object?)[] { ("$type", entry.GrainId.Type), ("$key", entry.GrainId.Key), ("$name", entry.ReminderName) };
            using var current = connection.Command("SELECT version FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name", key);
            var stored = current.ExecuteScalar() is long v ? v : (long?)null;
            if (entry.ETag is not null && stored?.ToString(CultureInfo.InvariantCulture) != entry.ETag)
            {
                throw new InconsistentStateException($"Reminder {entry.ReminderName} of {entry.GrainId} changed", stored?.ToString(CultureInfo.InvariantCulture), entry.ETag);
            }

            var version = (stored ?? 0) + 1;
            using var upsert = connection.Command(
                $"INSERT OR REPLACE INTO reminders ({Columns}) VALUES ($type, $key, $name, $start, $period, $last, $version)",
                [.. key, ("$start", entry.StartAt.UtcTicks), ("$period", entry.Period.Ticks), ("$last", entry.LastTickAt?.UtcTicks), ("$version", version)]);
            upsert.ExecuteNonQuery();
            return version.ToString(CultureInfo.InvariantCulture);
        });
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            using var command = connection.Command(
                "DELETE FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name AND version = $version",
                ("$type", grainId.Type), ("$key", grainId.Key), ("$name", reminderName), ("$version", long.TryParse(eTag, CultureInfo.InvariantCulture, out var v) ? v : -1));
            return command.ExecuteNonQuery() == 1;
        });

    private static IReadOnlyList<ReminderEntry> ReadEntries(SqliteCommand command)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (reader.Read())
            {
                entries.Add(new ReminderEntry(
                    new GrainId(reader.GetString(0), reader.GetString(1)),
                    reader.GetString(2),
                    new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                    TimeSpan.FromTicks(reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                    reader.GetInt64(6).ToString(CultureInfo.InvariantCulture)));
            }

            return entries;
        }
    }
}
