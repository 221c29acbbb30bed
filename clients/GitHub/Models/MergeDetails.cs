namespace Prow.Clients.GitHub;

/// <summary>The body of a merge request; <see cref="Sha"/> guards against merging a head that moved.</summary>
public sealed record MergeDetails
{
    public MergeMethod MergeMethod { get; init; } = MergeMethod.Merge;
    public string? CommitTitle { get; init; }
    public string? CommitMessage { get; init; }
    public string? Sha { get; init; }
}
