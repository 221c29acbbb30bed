namespace Prow.Clients.GitHub;

/// <summary>The head or base side of a pull request.</summary>
public sealed record PullRequestBranch
{
    /// <summary>The branch name (GitHub's <c>ref</c>), e.g. <c>main</c>.</summary>
    public string Ref { get; set; } = "";
    public string Sha { get; set; } = "";
    public string? Label { get; set; }
    public Repository? Repo { get; set; }
}
