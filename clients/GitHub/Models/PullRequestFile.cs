namespace Prow.Clients.GitHub;

/// <summary>One changed file of a pull request (run_if_changed, size, OWNERS).</summary>
public sealed record PullRequestFile
{
    public string Filename { get; init; } = "";

    /// <summary>added, removed, modified, renamed, copied, changed, unchanged.</summary>
    public string Status { get; init; } = "";
    public int Additions { get; init; }
    public int Deletions { get; init; }
    public int Changes { get; init; }
    public string? PreviousFilename { get; init; }
    public string? Patch { get; init; }
    public string? Sha { get; init; }
}
