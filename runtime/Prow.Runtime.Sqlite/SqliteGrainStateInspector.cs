using System.Globalization;
using System.Text;
using Orleans.Runtime;
using Prow.Runtime.Inspection;

namespace Prow.Runtime.Sqlite;

public sealed class SqliteGrainStateInspector(SqliteDatabase database) : IGrainStateInspector
{
    public Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(GrainId grainId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredGrainState>>(connection =>
        {
            using var command = connection.Command(
                "SELECT state_name, version, payload, updated_at FROM grain_state WHERE grain_type = $type AND grain_key = $key ORDER BY state_name",
                ("$type", grainId.Type), ("$key", grainId.Key));
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

    public Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(connection =>
        {
            using var command = connection.Command(
                "SELECT DISTINCT grain_key FROM grain_state WHERE grain_type = $type AND grain_key > $after ORDER BY grain_key LIMIT $max",
                ("$type", grainType), ("$after", afterKey ?? ""), ("$max", maxCount));
            using var reader = command.ExecuteReader();
            var keys = new List<string>();
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return keys;
        });
}
