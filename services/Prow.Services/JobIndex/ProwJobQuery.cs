namespace Prow.Services.JobIndex;

/// <summary>Filters (null = any) and a keyset page: jobs strictly older than <see cref="After"/>, at most <see cref="Limit"/>.</summary>
public sealed record ProwJobQuery
{
    public const int MaxLimit = 1000;

    public string? Type { get; init; }

    /// <summary><c>org/repo</c>.</summary>
    public string? Repo { get; init; }

    public string? Author { get; init; }

    public string? Job { get; init; }

    public string? State { get; init; }

    public int? Pull { get; init; }

    public ProwJobCursor? After { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>Whether <paramref name="job"/> passes the filters (the cursor and limit aside).</summary>
    public bool Matches(ProwJobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return (Type is null || job.Type == Type)
            && (Repo is null || job.Repo == Repo)
            && (Author is null || string.Equals(job.Author, Author, StringComparison.OrdinalIgnoreCase))
            && (Job is null || job.Job == Job)
            && (State is null || job.State == State)
            && (Pull is null || job.Pull == Pull);
    }
}
