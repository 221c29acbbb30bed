using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Prow.Storage.Sqlite;

/// <summary>
/// Orleans grain storage on the <c>grain_state</c> table: one row per (grain type, grain key, state name), the row's
/// integer version as the ETag. Writes are conditional on that version and go through the database's single writer,
/// so concurrent writes of many grains share one commit.
/// </summary>
/// <remarks>
/// Rows are keyed by <c>grainId.Type.ToString()</c> and <c>grainId.Key.ToString()</c>, the same strings the old runtime
/// stored, so a database it wrote reads as it is.
/// </remarks>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activatorProvider, TimeProvider timeProvider) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var key = RowKey.Of(stateName, grainId);
        var row = await database.ReadAsync(connection =>
        {
            using var command = connection.Command(
                "SELECT payload, version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
                key.Parameters);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredRow((byte[])reader[0], reader.GetInt64(1)) : null;
        });

        if (row is null)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        T? state;
        try
        {
            state = serializer.Deserialize<T>(new BinaryData(row.Payload));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            throw new SqliteStorageException($"cannot read {stateName} of {grainId} from {database.Path} as {typeof(T).Name}: {ex.Message}", ex);
        }

        grainState.State = state ?? CreateInstance<T>();
        grainState.ETag = FormatVersion(row.Version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var key = RowKey.Of(stateName, grainId);
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var expectedVersion = expected is null ? (long?)null : ParseVersion(expected, stateName, grainId);
        var now = timeProvider.GetUtcNow().UtcTicks;
        var version = await database.WriteAsync(connection =>
        {
            using var command = expectedVersion is not { } current
                ? connection.Command(
                    "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at) VALUES ($type, $key, $name, $payload, 1, $now) ON CONFLICT DO NOTHING",
                    [.. key.Parameters, ("$payload", payload), ("$now", now)])
                : connection.Command(
                    "UPDATE grain_state SET payload = $payload, version = version + 1, updated_at = $now WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND version = $version",
                    [.. key.Parameters, ("$payload", payload), ("$now", now), ("$version", current)]);
            if (command.ExecuteNonQuery() == 0)
            {
                throw Conflict("writing", stateName, grainId, expected, StoredVersion(connection, key));
            }

            return (expectedVersion ?? 0) + 1;
        });

        grainState.ETag = FormatVersion(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var key = RowKey.Of(stateName, grainId);
        var expected = grainState.ETag;
        await database.WriteAsync(connection =>
        {
            var stored = StoredVersion(connection, key);
            if (stored != expected)
            {
                throw Conflict("clearing", stateName, grainId, expected, stored);
            }

            using var command = connection.Command(
                "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
                key.Parameters);
            return command.ExecuteNonQuery();
        });

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T CreateInstance<T>() => activatorProvider.GetActivator<T>().Create();

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long ParseVersion(string etag, string stateName, GrainId grainId) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' of {stateName} of {grainId} is not one this storage issued", null, etag);

    private static string? StoredVersion(SqliteConnection connection, RowKey key)
    {
        using var command = connection.Command(
            "SELECT version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name",
            key.Parameters);
        return command.ExecuteScalar() is long version ? FormatVersion(version) : null;
    }

    private static InconsistentStateException Conflict(string verb, string stateName, GrainId grainId, string? expected, string? stored) =>
        new($"Version conflict {verb} {stateName} of {grainId}: stored ETag {stored ?? "(none)"}, given {expected ?? "(none)"}", stored, expected);

    private sealed record StoredRow(byte[] Payload, long Version);

    private readonly record struct RowKey(string Type, string Key, string StateName)
    {
        public (string Name, object? Value)[] Parameters => [("$type", Type), ("$key", Key), ("$name", StateName)];

        public static RowKey Of(string stateName, GrainId grainId) => new(grainId.Type.ToString()!, grainId.Key.ToString(), stateName);
    }
}
