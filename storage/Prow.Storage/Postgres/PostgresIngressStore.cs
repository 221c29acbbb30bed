using Npgsql;
using Prow.Ingress;

namespace Prow.Storage.Postgres;

/// <summary>
/// The durable inbox on PostgreSQL, written by every gateway at once. A delivery is deduplicated by its key across
/// processes (a unique index), and handled by one process at a time: the one that accepted it, or later the one
/// that took it after the holder's lease ran out. Status 0 pending, 1 completed, 2 failed (parked).
/// </summary>
public sealed class PostgresIngressStore(PostgresDatabase database, TimeProvider timeProvider, string owner, TimeSpan lease) : IIngressStore, ILeasedIngressStore
{
    private const string EntryColumns = "id, kind, dedupe_key, payload, accepted_at, attempts";
    private const int Pending = 0;
    private const int Completed = 1;
    private const int Failed = 2;

    public TimeSpan Lease => lease;

    /// <summary>Who holds the leases this store takes: one name per process.</summary>
    public string Owner => owner;

    public async Task<IReadOnlyList<IngressAppendResult>> AppendAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(batch, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                // Two gateways storing the same deliveries in different orders: one of them is told to try again.
            }
        }
    }

    public async Task<IReadOnlyList<IngressEntry>> ReadPendingAsync(long afterId, int maxCount, CancellationToken cancellationToken) =>
        await ClaimAsync("(owner IS NULL OR owner = @owner OR lease_until < clock_timestamp()) AND id > @after", afterId, maxCount, cancellationToken);

    public async Task<IReadOnlyList<IngressEntry>> ClaimExpiredAsync(int maxCount, CancellationToken cancellationToken) =>
        await ClaimAsync("lease_until < clock_timestamp() AND id > @after", 0, maxCount, cancellationToken);

    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE ingress SET lease_until = clock_timestamp() + @lease WHERE status = 0 AND owner = @owner");
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = database.DataSource.CreateCommand(
            "UPDATE ingress SET status = @completed, completed_at = @now, lease_until = NULL WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("completed", (short)Completed);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow().UtcTicks);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordFailureAsync(long id, string errorMessage, bool final, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE ingress SET attempts = attempts + 1, last_error = @error, status = @status WHERE id = @id");
        command.Parameters.AddWithValue("error", errorMessage);
        command.Parameters.AddWithValue("status", (short)(final ? Failed : Pending));
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM ingress WHERE status = @completed AND accepted_at < @before");
        command.Parameters.AddWithValue("completed", (short)Completed);
        command.Parameters.AddWithValue("before", olderThan.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IngressCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1), count(*) FILTER (WHERE status = 2) FROM ingress");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IngressCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<IReadOnlySet<string>> FindDedupeKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var command = database.DataSource.CreateCommand("SELECT dedupe_key FROM ingress WHERE dedupe_key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public async Task<DateTimeOffset?> LatestAcceptedAsync(string kind, CancellationToken cancellationToken)
    {
        // Ids grow with acceptance (across gateways, within the commit order), so the newest is found walking the primary key backwards.
        await using var command = database.DataSource.CreateCommand("SELECT accepted_at FROM ingress WHERE kind = @kind ORDER BY id DESC LIMIT 1");
        command.Parameters.AddWithValue("kind", kind);
        return await command.ExecuteScalarAsync(cancellationToken) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    private async Task<IReadOnlyList<IngressAppendResult>> AppendOnceAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var results = new IngressAppendResult?[batch.Count];
        await using (var inserts = new NpgsqlBatch(connection, transaction))
        {
            foreach (var message in batch)
            {
                var insert = new NpgsqlBatchCommand(
                    "INSERT INTO ingress (kind, dedupe_key, payload, accepted_at, owner, lease_until) VALUES (@kind, @dedupe, @payload, @now, @owner, clock_timestamp() + @lease) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id");
                insert.Parameters.AddWithValue("kind", message.Kind);
                insert.Parameters.AddWithValue("dedupe", NpgsqlTypes.NpgsqlDbType.Text, (object?)message.DedupeKey ?? DBNull.Value);
                insert.Parameters.AddWithValue("payload", message.Payload.ToArray());
                insert.Parameters.AddWithValue("now", now);
                insert.Parameters.AddWithValue("owner", owner);
                insert.Parameters.AddWithValue("lease", lease);
                inserts.BatchCommands.Add(insert);
            }

            await using var reader = await inserts.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(cancellationToken);
                }

                if (await reader.ReadAsync(cancellationToken))
                {
                    results[i] = new IngressAppendResult(reader.GetInt64(0), Duplicate: false);
                }
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
            {
                await using var existing = new NpgsqlCommand("SELECT id FROM ingress WHERE dedupe_key = @dedupe", connection, transaction);
                existing.Parameters.AddWithValue("dedupe", batch[i].DedupeKey!);
                results[i] = new IngressAppendResult((long)(await existing.ExecuteScalarAsync(cancellationToken))!, Duplicate: true);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. results.Select(r => r!.Value)];
    }

    /// <summary>Takes pending entries matching <paramref name="condition"/> for this process; entries another process is taking at this moment are skipped.</summary>
    private async Task<IReadOnlyList<IngressEntry>> ClaimAsync(string condition, long afterId, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"""
            UPDATE ingress SET owner = @owner, lease_until = clock_timestamp() + @lease
            WHERE id IN (SELECT id FROM ingress WHERE status = 0 AND {condition} ORDER BY id LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING {EntryColumns}
            """);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("after", afterId);
        command.Parameters.AddWithValue("max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<IngressEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new IngressEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                (byte[])reader[3],
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.GetInt32(5)));
        }

        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        return entries;
    }
}
