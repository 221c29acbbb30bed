using System.Globalization;
using System.Text;
using Prow.Services.Admin;

namespace Prow.Storage.Postgres;

/// <summary>Lists and reads the <c>grain_state</c> table for the admin page and the sinker.</summary>
public sealed class PostgresStoredStateReader(PostgresDatabase database) : IStoredStateReader
{
    public bool CanList => true;

    public async Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        ArgumentNullException.ThrowIfNull(key);
        await using var command = database.DataSource.CreateCommand(
            "SELECT state_name, version, payload, updated_at FROM grain_state WHERE grain_type = @type AND grain_key = @key ORDER BY state_name");
        command.Parameters.AddWithValue("type", grainType);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<StoredGrainState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new StoredGrainState(
                reader.GetString(0),
                reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString((byte[])reader[2]),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return states;
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        // grain_key is COLLATE "C": ordinal order on UTF-8, the same order SQLite gives, whatever the database's locale.
        await using var command = database.DataSource.CreateCommand(
            "SELECT DISTINCT grain_key FROM grain_state WHERE grain_type = @type AND (@after::text IS NULL OR grain_key > @after::text) ORDER BY grain_key LIMIT @max");
        command.Parameters.AddWithValue("type", grainType);
        command.Parameters.AddWithValue("after", (object?)afterKey ?? DBNull.Value);
        command.Parameters.AddWithValue("max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
