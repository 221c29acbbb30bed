namespace Prow.Clients.GitHub;

/// <summary>The body of a merge request; <see cref="Sha"/> guards against merging a head that moved.</summary>
public sealed record MergeDetails
{
    public MergeMethod MergeMethod { get; set; } = MergeMethod.Merge;
    public string? CommitTitle { get; set; }
    public string? CommitMessage { get; set; }
    public string? Sha { get; set; }
}
