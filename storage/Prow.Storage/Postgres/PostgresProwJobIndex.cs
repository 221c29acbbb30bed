using System.Data.Common;
using System.Text;
using System.Text.Json;
using Npgsql;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Storage.Postgres;

/// <summary>The job index as a table in the shared PostgreSQL database, the same columns and indexes as on SQLite.</summary>
public sealed class PostgresProwJobIndex(PostgresDatabase database) : IProwJobIndex
{

    public async Task UpsertAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = ProwJobSummary.From(job);
        await using var command = database.DataSource.CreateCommand(
            $"""
            INSERT INTO prowjob_index ({ProwJobIndexRow.SummaryColumns}, payload)
            VALUES (@id, @created, @job, @type, @state, @started, @completed, @repo, @base_ref, @pull, @pull_sha, @author, @build_id, @description, @payload)
            ON CONFLICT (id) DO UPDATE SET
                created = excluded.created, job = excluded.job, type = excluded.type, state = excluded.state,
                started = excluded.started, completed = excluded.completed, repo = excluded.repo, base_ref = excluded.base_ref,
                pull = excluded.pull, pull_sha = excluded.pull_sha, author = excluded.author, build_id = excluded.build_id,
                description = excluded.description, payload = excluded.payload
            """);
        var p = command.Parameters;
        p.AddWithValue("id", row.Id);
        p.AddWithValue("created", row.Created.UtcTicks);
        p.AddWithValue("job", row.Job);
        p.AddWithValue("type", row.Type);
        p.AddWithValue("state", row.State);
        p.AddWithValue("started", row.Started.UtcTicks);
        p.AddWithValue("completed", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)row.Completed?.UtcTicks ?? DBNull.Value);
        AddText(command, "repo", row.Repo);
        AddText(command, "base_ref", row.BaseRef);
        p.AddWithValue("pull", NpgsqlTypes.NpgsqlDbType.Integer, (object?)row.Pull ?? DBNull.Value);
        AddText(command, "pull_sha", row.PullSha);
        AddText(command, "author", row.Author);
        AddText(command, "build_id", row.BuildId);
        AddText(command, "description", row.Description);
        p.AddWithValue("payload", JsonSerializer.SerializeToUtf8Bytes(job));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM prowjob_index WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ProwJobPage> QueryAsync(ProwJobQuery query, CancellationToken cancellationToken)
    {
        var jobs = await SelectAsync(query, ProwJobIndexRow.SummaryColumns, ProwJobIndexRow.ReadSummary, cancellationToken);
        return new ProwJobPage(jobs, jobs.Count == ProwJobIndexRow.Limit(query) ? ProwJobCursor.Of(jobs[^1]) : null);
    }

    public async Task<IReadOnlyList<ProwJob>> ListJobsAsync(ProwJobQuery query, CancellationToken cancellationToken) =>
        await SelectAsync(query, "payload", r => JsonSerializer.Deserialize<ProwJob>((byte[])r[0])!, cancellationToken);

    public async Task<ProwJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT payload FROM prowjob_index WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] payload ? JsonSerializer.Deserialize<ProwJob>(payload) : null;
    }

    public async Task<IReadOnlyList<ProwJobCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(ProwJobIndexRow.CountSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<ProwJobCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(ProwJobIndexRow.ReadCount(reader));
        }

        return counts;
    }

    public async Task<IReadOnlyList<string>> ListCompletedBeforeAsync(DateTimeOffset completedBefore, string? afterId, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT id FROM prowjob_index WHERE completed IS NOT NULL AND completed < @before AND id > @after ORDER BY id LIMIT @max");
        command.Parameters.AddWithValue("before", completedBefore.UtcTicks);
        command.Parameters.AddWithValue("after", afterId ?? "");
        command.Parameters.AddWithValue("max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }


    private async Task<List<T>> SelectAsync<T>(ProwJobQuery query, string columns, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {columns} FROM prowjob_index WHERE true");
        await using var command = database.DataSource.CreateCommand();
        void Filter(string column, object? value, string expression)
        {
            if (value is not null)
            {
                sql.Append($" AND {expression}");
                command.Parameters.AddWithValue(column, value);
            }
        }

        Filter("type", query.Type, "type = @type");
        Filter("repo", query.Repo, "repo = @repo");
        Filter("author", query.Author, "lower(author) = lower(@author)");
        Filter("job", query.Job, "job = @job");
        Filter("state", query.State, "state = @state");
        Filter("pull", query.Pull, "pull = @pull");
        if (query.After is { } after)
        {
            sql.Append(" AND (created, id) < (@after_created, @after_id)");
            command.Parameters.AddWithValue("after_created", after.CreatedTicks);
            command.Parameters.AddWithValue("after_id", after.Id);
        }

        sql.Append(" ORDER BY created DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", ProwJobIndexRow.Limit(query));
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static void AddText(NpgsqlCommand command, string name, string? value) =>
        command.Parameters.AddWithValue(name, NpgsqlTypes.NpgsqlDbType.Text, (object?)value ?? DBNull.Value);

}
