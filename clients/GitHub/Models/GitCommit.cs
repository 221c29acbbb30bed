namespace Prow.Clients.GitHub;

/// <summary>A git commit object as <c>GET /repos/{owner}/{repo}/git/commits/{sha}</c> returns it.</summary>
public sealed record GitCommit
{
    public string Sha { get; set; } = "";
    public GitObject Tree { get; set; } = new();
}
