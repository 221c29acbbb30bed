using System.Data.Common;
using Prow.Services.JobIndex;

namespace Prow.Storage;

/// <summary>
/// The summary columns both SQL job indexes keep, in the order they select them, and how a row of
/// them reads back; one place, so SQLite and PostgreSQL cannot drift apart.
/// </summary>
internal static class ProwJobIndexRow
{
    public const string SummaryColumns = "id, created, job, type, state, started, completed, repo, base_ref, pull, pull_sha, author, build_id, description";

    /// <summary>Both SQL indexes count the same way; the columns read back with <see cref="ReadCount"/>.</summary>
    public const string CountSql = "SELECT job, type, state, repo, base_ref, COUNT(*) FROM prowjob_index GROUP BY job, type, state, repo, base_ref";

    public static ProwJobCount ReadCount(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), r.GetInt64(5));

    public static int Limit(ProwJobQuery query) => Math.Clamp(query.Limit, 1, ProwJobQuery.MaxLimit);

    public static ProwJobSummary ReadSummary(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Created = new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero),
        Job = r.GetString(2),
        Type = r.GetString(3),
        State = r.GetString(4),
        Started = new DateTimeOffset(r.GetInt64(5), TimeSpan.Zero),
        Completed = r.IsDBNull(6) ? null : new DateTimeOffset(r.GetInt64(6), TimeSpan.Zero),
        Repo = NullableString(r, 7),
        BaseRef = NullableString(r, 8),
        Pull = r.IsDBNull(9) ? null : r.GetInt32(9),
        PullSha = NullableString(r, 10),
        Author = NullableString(r, 11),
        BuildId = NullableString(r, 12),
        Description = NullableString(r, 13),
    };

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
