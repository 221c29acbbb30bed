using Microsoft.Data.Sqlite;
using Prow.Ingress;

namespace Prow.Storage.Sqlite;

/// <summary>The durable inbox as a table; status 0 pending, 1 completed, 2 failed (parked).</summary>
public sealed class SqliteIngressStore(SqliteDatabase database, TimeProvider timeProvider) : IIngressStore
{
    private const int Pending = 0;
    private const int Completed = 1;
    private const int Failed = 2;

    public Task<IReadOnlyList<IngressAppendResult>> AppendAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = timeProvider.GetUtcNow().UtcTicks;
        return database.WriteAsync<IReadOnlyList<IngressAppendResult>>(connection =>
        {
            using var insert = connection.Command(
                "INSERT INTO ingress (kind, dedupe_key, payload, accepted_at) VALUES ($kind, $dedupe, $payload, $now) ON CONFLICT (dedupe_key) DO NOTHING",
                ("$kind", ""), ("$dedupe", null), ("$payload", Array.Empty<byte>()), ("$now", now));
            using var lastId = connection.Command("SELECT last_insert_rowid()");
            using var existing = connection.Command("SELECT id FROM ingress WHERE dedupe_key = $dedupe", ("$dedupe", ""));
            var results = new IngressAppendResult[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                insert.Parameters["$kind"].Value = message.Kind;
                insert.Parameters["$dedupe"].Value = (object?)message.DedupeKey ?? DBNull.Value;
                insert.Parameters["$payload"].Value = message.Payload.ToArray();
                if (insert.ExecuteNonQuery() == 1)
                {
                    results[i] = new IngressAppendResult((long)lastId.ExecuteScalar()!, Duplicate: false);
                }
                else
                {
                    existing.Parameters["$dedupe"].Value = message.DedupeKey;
                    results[i] = new IngressAppendResult((long)existing.ExecuteScalar()!, Duplicate: true);
                }
            }

            return results;
        });
    }

    public Task<IReadOnlyList<IngressEntry>> ReadPendingAsync(long afterId, int maxCount, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<IngressEntry>>(connection =>
        {
            using var command = connection.Command(
                "SELECT id, kind, dedupe_key, payload, accepted_at, attempts FROM ingress WHERE status = $pending AND id > $after ORDER BY id LIMIT $max",
                ("$pending", Pending), ("$after", afterId), ("$max", maxCount));
            using var reader = command.ExecuteReader();
            var entries = new List<IngressEntry>();
            while (reader.Read())
            {
                entries.Add(new IngressEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    (byte[])reader[3],
                    new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                    reader.GetInt32(5)));
            }

            return entries;
        });

    public Task CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var now = timeProvider.GetUtcNow().UtcTicks;
        return database.WriteAsync(connection =>
        {
            using var command = connection.Command("UPDATE ingress SET status = $completed, completed_at = $now WHERE id = $id", ("$completed", Completed), ("$now", now), ("$id", 0L));
            foreach (var id in ids)
            {
                command.Parameters["$id"].Value = id;
                command.ExecuteNonQuery();
            }

            return ids.Count;
        });
    }

    public Task RecordFailureAsync(long id, string errorMessage, bool final, CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            using var command = connection.Command(
                "UPDATE ingress SET attempts = attempts + 1, last_error = $error, status = $status WHERE id = $id",
                ("$error", errorMessage), ("$status", final ? Failed : Pending), ("$id", id));
            return command.ExecuteNonQuery();
        });

    public Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            using var command = connection.Command("DELETE FROM ingress WHERE status = $completed AND accepted_at < $before", ("$completed", Completed), ("$before", olderThan.UtcTicks));
            return command.ExecuteNonQuery();
        });

    public Task<IngressCounts> CountAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.Command(
                "SELECT COALESCE(SUM(status = 0), 0), COALESCE(SUM(status = 1), 0), COALESCE(SUM(status = 2), 0) FROM ingress");
            using var reader = command.ExecuteReader();
            reader.Read();
            return new IngressCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        });

    public Task<IReadOnlySet<string>> FindDedupeKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.ReadAsync<IReadOnlySet<string>>(connection =>
        {
            using var command = connection.Command("SELECT 1 FROM ingress WHERE dedupe_key = $dedupe", ("$dedupe", ""));
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                command.Parameters["$dedupe"].Value = key;
                if (command.ExecuteScalar() is not null)
                {
                    found.Add(key);
                }
            }

            return found;
        });
    }

    public Task<DateTimeOffset?> LatestAcceptedAsync(string kind, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            // Ids grow with acceptance, so the newest is found walking the primary key backwards.
            using var command = connection.Command("SELECT accepted_at FROM ingress WHERE kind = $kind ORDER BY id DESC LIMIT 1", ("$kind", kind));
            return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        });
}
