namespace Prow.Clients.GitHub;

/// <summary>One changed file of a pull request (run_if_changed, size, OWNERS).</summary>
public sealed record PullRequestFile
{
    public string Filename { get; set; } = "";

    /// <summary>added, removed, modified, renamed, copied, changed, unchanged.</summary>
    public string Status { get; set; } = "";
    public int Additions { get; set; }
    public int Deletions { get; set; }
    public int Changes { get; set; }
    public string? PreviousFilename { get; set; }
    public string? Patch { get; set; }
    public string? Sha { get; set; }

    /// <summary>Where GitHub shows the file at the pull request's head.</summary>
    public string? BlobUrl { get; set; }
}
