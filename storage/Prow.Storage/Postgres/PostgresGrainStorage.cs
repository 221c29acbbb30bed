using System.Globalization;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Prow.Storage.Postgres;

/// <summary>
/// Orleans grain storage on the <c>grain_state</c> table, laid out as on SQLite: one row per (grain type, grain key,
/// state name), the row's integer version as the ETag, every write conditional on it. Keys are stored as the strings
/// Orleans gives (not as numbers, as Orleans' ADO.NET storage stores keys that parse as integers), so the admin page
/// and the sinker can list them.
/// </summary>
public sealed class PostgresGrainStorage(PostgresDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activatorProvider, TimeProvider timeProvider) : IGrainStorage
{
    private const string KeyCondition = "grain_type = @type AND grain_key = @key AND state_name = @name";

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
        await using var command = database.DataSource.CreateCommand($"SELECT payload, version FROM grain_state WHERE {KeyCondition}");
        AddKey(command, stateName, grainId);
        byte[]? payload = null;
        long version = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                payload = (byte[])reader[0];
                version = reader.GetInt64(1);
            }
        }

        if (payload is null)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        T? state;
        try
        {
            state = serializer.Deserialize<T>(new BinaryData(payload));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            throw new PostgresStorageException($"cannot read {stateName} of {grainId} from {database.Description} as {typeof(T).Name}: {ex.Message}", ex);
        }

        grainState.State = state ?? CreateInstance<T>();
        grainState.ETag = FormatVersion(version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var expectedVersion = expected is null ? (long?)null : ParseVersion(expected, stateName, grainId);
        await using var command = database.DataSource.CreateCommand(expectedVersion is null
            ? "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at) VALUES (@type, @key, @name, @payload, 1, @now) ON CONFLICT DO NOTHING"
            : $"UPDATE grain_state SET payload = @payload, version = version + 1, updated_at = @now WHERE {KeyCondition} AND version = @version");
        AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow().UtcTicks);
        if (expectedVersion is { } current)
        {
            command.Parameters.AddWithValue("version", current);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw Conflict("writing", stateName, grainId, expected, await StoredVersionAsync(stateName, grainId, cancellationToken));
        }

        grainState.ETag = FormatVersion((expectedVersion ?? 0) + 1);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.ETag;
        if (expected is null)
        {
            var stored = await StoredVersionAsync(stateName, grainId, cancellationToken);
            if (stored is not null)
            {
                throw Conflict("clearing", stateName, grainId, expected, stored);
            }
        }
        else
        {
            await using var command = database.DataSource.CreateCommand($"DELETE FROM grain_state WHERE {KeyCondition} AND version = @version");
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("version", ParseVersion(expected, stateName, grainId));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw Conflict("clearing", stateName, grainId, expected, await StoredVersionAsync(stateName, grainId, cancellationToken));
            }
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T CreateInstance<T>() => activatorProvider.GetActivator<T>().Create();

    private async Task<string?> StoredVersionAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT version FROM grain_state WHERE {KeyCondition}");
        AddKey(command, stateName, grainId);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? FormatVersion(version) : null;
    }

    private static void AddKey(NpgsqlCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("type", grainId.Type.ToString()!);
        command.Parameters.AddWithValue("key", grainId.Key.ToString());
        command.Parameters.AddWithValue("name", stateName);
    }

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long ParseVersion(string etag, string stateName, GrainId grainId) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' of {stateName} of {grainId} is not one this storage issued", null, etag);

    private static InconsistentStateException Conflict(string verb, string stateName, GrainId grainId, string? expected, string? stored) =>
        new($"Version conflict {verb} {stateName} of {grainId}: stored ETag {stored ?? "(none)"}, given {expected ?? "(none)"}", stored, expected);
}
