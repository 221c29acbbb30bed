namespace Prow.Clients.GitHub;

/// <summary>One commit of a pull request as <c>GET /repos/{owner}/{repo}/pulls/{number}/commits</c> lists it.</summary>
public sealed record PullRequestCommit
{
    public string Sha { get; set; } = "";
    public CommitDetails Commit { get; set; } = new();

    /// <summary>The GitHub account the commit's author email belongs to; null when GitHub knows none.</summary>
    public User? Author { get; set; }

    public IReadOnlyList<CommitReference> Parents { get; set; } = [];
}
