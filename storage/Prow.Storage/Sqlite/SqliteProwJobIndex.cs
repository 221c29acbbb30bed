using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Storage.Sqlite;

/// <summary>The job index as a table in the silo's SQLite file, written through its single writer.</summary>
public sealed class SqliteProwJobIndex : IProwJobIndex
{

    private readonly SqliteDatabase _database;

    private SqliteProwJobIndex(SqliteDatabase database) => _database = database;

    /// <summary>Creates or migrates the index's table in <paramref name="database"/>.</summary>
    public static async Task<SqliteProwJobIndex> OpenAsync(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.ApplyMigrationsAsync(ProwJobIndexSchema.Component, ProwJobIndexSchema.Migrations);
        return new SqliteProwJobIndex(database);
    }

    public Task UpsertAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = ProwJobSummary.From(job);
        var payload = JsonSerializer.SerializeToUtf8Bytes(job);
        return _database.WriteAsync(connection =>
        {
            using var command = connection.Command(
                $"""
                INSERT INTO prowjob_index ({ProwJobIndexRow.SummaryColumns}, payload)
                VALUES ($id, $created, $job, $type, $state, $started, $completed, $repo, $base_ref, $pull, $pull_sha, $author, $build_id, $description, $payload)
                ON CONFLICT (id) DO UPDATE SET
                    created = excluded.created, job = excluded.job, type = excluded.type, state = excluded.state,
                    started = excluded.started, completed = excluded.completed, repo = excluded.repo, base_ref = excluded.base_ref,
                    pull = excluded.pull, pull_sha = excluded.pull_sha, author = excluded.author, build_id = excluded.build_id,
                    description = excluded.description, payload = excluded.payload
                """,
                ("$id", row.Id), ("$created", row.Created.UtcTicks), ("$job", row.Job), ("$type", row.Type), ("$state", row.State),
                ("$started", row.Started.UtcTicks), ("$completed", row.Completed?.UtcTicks), ("$repo", row.Repo), ("$base_ref", row.BaseRef),
                ("$pull", row.Pull), ("$pull_sha", row.PullSha), ("$author", row.Author), ("$build_id", row.BuildId),
                ("$description", row.Description), ("$payload", payload));
            return command.ExecuteNonQuery();
        });
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        _database.WriteAsync(connection =>
        {
            using var command = connection.Command("DELETE FROM prowjob_index WHERE id = $id", ("$id", id));
            return command.ExecuteNonQuery();
        });

    public Task<ProwJobPage> QueryAsync(ProwJobQuery query, CancellationToken cancellationToken) =>
        _database.ReadAsync(connection =>
        {
            var jobs = Select(connection, query, ProwJobIndexRow.SummaryColumns, ProwJobIndexRow.ReadSummary);
            return new ProwJobPage(jobs, jobs.Count == ProwJobIndexRow.Limit(query) ? ProwJobCursor.Of(jobs[^1]) : null);
        });

    public Task<IReadOnlyList<ProwJob>> ListJobsAsync(ProwJobQuery query, CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<ProwJob>>(connection =>
            Select(connection, query, "payload", r => JsonSerializer.Deserialize<ProwJob>((byte[])r[0])!));

    public Task<ProwJob?> GetAsync(string id, CancellationToken cancellationToken) =>
        _database.ReadAsync(connection =>
        {
            using var command = connection.Command("SELECT payload FROM prowjob_index WHERE id = $id", ("$id", id));
            return command.ExecuteScalar() is byte[] payload ? JsonSerializer.Deserialize<ProwJob>(payload) : null;
        });

    public Task<IReadOnlyList<ProwJobCount>> CountAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<ProwJobCount>>(connection =>
        {
            using var command = connection.Command(ProwJobIndexRow.CountSql);
            using var reader = command.ExecuteReader();
            var counts = new List<ProwJobCount>();
            while (reader.Read())
            {
                counts.Add(ProwJobIndexRow.ReadCount(reader));
            }

            return counts;
        });

    public Task<IReadOnlyList<string>> ListCompletedBeforeAsync(DateTimeOffset completedBefore, string? afterId, int maxCount, CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<string>>(connection =>
        {
            using var command = connection.Command(
                "SELECT id FROM prowjob_index WHERE completed IS NOT NULL AND completed < $before AND id > $after ORDER BY id LIMIT $max",
                ("$before", completedBefore.UtcTicks), ("$after", afterId ?? ""), ("$max", maxCount));
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });


    private static List<T> Select<T>(SqliteConnection connection, ProwJobQuery query, string columns, Func<DbDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {columns} FROM prowjob_index WHERE 1 = 1");
        var parameters = new List<(string, object?)>();

        // State and type have a handful of values each: when a selective filter (repo, author, job) is also given, a
        // unary + keeps SQLite off their indexes, which would otherwise scan a large share of the table.
        var selective = query.Repo is not null || query.Author is not null || query.Job is not null;
        void Filter(string column, object? value, bool coarse = false)
        {
            if (value is not null)
            {
                sql.Append($" AND {(coarse && selective ? "+" : "")}{column} = ${column}");
                parameters.Add(($"${column}", value));
            }
        }

        Filter("type", query.Type, coarse: true);
        Filter("repo", query.Repo);
        Filter("author", query.Author);
        Filter("job", query.Job);
        Filter("state", query.State, coarse: true);
        Filter("pull", query.Pull);
        if (query.After is { } after)
        {
            sql.Append(" AND (created, id) < ($after_created, $after_id)");
            parameters.Add(("$after_created", after.CreatedTicks));
            parameters.Add(("$after_id", after.Id));
        }

        sql.Append(" ORDER BY created DESC, id DESC LIMIT $limit");
        parameters.Add(("$limit", ProwJobIndexRow.Limit(query)));
        using var command = connection.Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

}
