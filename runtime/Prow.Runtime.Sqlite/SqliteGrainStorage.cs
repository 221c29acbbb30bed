using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Prow.Runtime.Sqlite;

/// <summary>Grain state rows keyed by (type, key, state name); the row's integer version is the ETag.</summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, TimeProvider timeProvider) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var row = await database.ReadAsync(connection =>
        {
            using var command = connection.Command(
                "SELECT payload, version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
                ("$type", grainId.Type), ("$key", grainId.Key), ("$name", stateName));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ((byte[])reader[0], reader.GetInt64(1)) : ((byte[]?, long)?)null;
        });

        if (row is ({ } payload, var version))
        {
            grainState.State = GrainStateSerializer.Deserialize<T>(payload);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = GrainStateSerializer.Serialize(grainState.State);
        var expected = grainState.ETag;
        var now = timeProvider.GetUtcNow().UtcTicks;
        var version = await database.WriteAsync(connection =>
        {
            using var command = expected is null
                ? connection.Command(
                    "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at) VALUES ($type, $key, $name, $payload, 1, $now) ON CONFLICT DO NOTHING",
                    ("$type", grainId.Type), ("$key", grainId.Key), ("$name", stateName), ("$payload", payload), ("$now", now))
                : connection.Command(
                    "UPDATE grain_state SET payload = $payload, version = version + 1, updated_at = $now WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND version = $version",
                    ("$type", grainId.Type), ("$key", grainId.Key), ("$name", stateName), ("$payload", payload), ("$now", now), ("$version", ParseVersion(expected)));
            if (command.ExecuteNonQuery() == 0)
            {
                throw Conflict("writing", stateName, grainId, expected, StoredVersion(connection, stateName, grainId));
            }

            return expected is null ? 1 : ParseVersion(expected) + 1;
        });

        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.ETag;
        await database.WriteAsync(connection =>
        {
            var stored = StoredVersion(connection, stateName, grainId);
            if (stored != expected)
            {
                throw Conflict("clearing", stateName, grainId, expected, stored);
            }

            using var command = connection.Command(
                "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
                ("$type", grainId.Type), ("$key", grainId.Key), ("$name", stateName));
            return command.ExecuteNonQuery();
        });

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static long ParseVersion(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' is not one this store issued");

    private static string? StoredVersion(Microsoft.Data.Sqlite.SqliteConnection connection, string stateName, GrainId grainId)
    {
        using var command = connection.Command(
            "SELECT version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
            ("$type", grainId.Type), ("$key", grainId.Key), ("$name", stateName));
        return command.ExecuteScalar() is long version ? version.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static InconsistentStateException Conflict(string verb, string stateName, GrainId grainId, string? expected, string? stored) =>
        new($"Version conflict {verb} {stateName} of {grainId}", stored, expected);
}
