using System.Globalization;
using System.Text;
using Prow.Services.Admin;

namespace Prow.Storage.Sqlite;

/// <summary>Lists and reads the <c>grain_state</c> table for the admin page and the sinker.</summary>
public sealed class SqliteStoredStateReader(SqliteDatabase database) : IStoredStateReader
{
    public bool CanList => true;

    public Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return database.ReadAsync<IReadOnlyList<StoredGrainState>>(connection =>
        {
            using var command = connection.Command(
                "SELECT state_name, version, payload, updated_at FROM grain_state WHERE grain_type = $type AND grain_key = $key ORDER BY state_name",
                ("$type", grainType), ("$key", key));
            using var reader = command.ExecuteReader();
            var states = new List<StoredGrainState>();
            while (reader.Read())
            {
                states.Add(new StoredGrainState(
                    reader.GetString(0),
                    reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
                    Encoding.UTF8.GetString((byte[])reader[2]),
                    new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
            }

            return states;
        });
    }

    public Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        return database.ReadAsync<IReadOnlyList<string>>(connection =>
        {
            // The primary key (grain_type, grain_key, state_name) serves this in key order (BINARY: ordinal on UTF-8).
            using var command = connection.Command(
                "SELECT DISTINCT grain_key FROM grain_state WHERE grain_type = $type AND ($after IS NULL OR grain_key > $after) ORDER BY grain_key LIMIT $max",
                ("$type", grainType), ("$after", afterKey), ("$max", maxCount));
            using var reader = command.ExecuteReader();
            var keys = new List<string>();
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return keys;
        });
    }
}
