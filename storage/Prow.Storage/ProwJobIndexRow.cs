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
