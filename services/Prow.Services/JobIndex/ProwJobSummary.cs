namespace Prow.Services.JobIndex;

/// <summary>One row of the job index: what the job list, history and pull request pages show.</summary>
public sealed record ProwJobSummary
{
    public required string Id { get; init; }

    public required string Job { get; init; }

    public required string Type { get; init; }

    public required string State { get; init; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Started { get; init; }

    public DateTimeOffset? Completed { get; init; }

    /// <summary><c>org/repo</c>, or null for a periodic without refs.</summary>
    public string? Repo { get; init; }

    public string? BaseRef { get; init; }

    public int? Pull { get; init; }

    public string? PullSha { get; init; }

    public string? Author { get; init; }

    public string? BuildId { get; init; }

    public string? Description { get; init; }

    public TimeSpan? Duration => Completed - Started;

    public static ProwJobSummary From(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.MainRefs;
        var pull = refs?.Pulls.Count > 0 ? refs.Pulls[0] : null;
        return new ProwJobSummary
        {
            Id = job.Id,
            Job = job.Spec.Job,
            Type = job.Spec.Type,
            State = job.Status.State,
            Created = job.Metadata.CreationTimestamp,
            Started = job.Status.StartTime,
            Completed = job.Status.CompletionTime,
            Repo = refs is null ? null : $"{refs.Org}/{refs.Repo}",
            BaseRef = refs?.BaseRef,
            Pull = pull?.Number,
            PullSha = pull?.Sha,
            Author = pull?.Author,
            BuildId = job.Status.BuildId,
            Description = job.Status.Description,
        };
    }
}
