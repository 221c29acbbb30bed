namespace Prow.Clients.GitHub;

public sealed record Branch
{
    public string Name { get; init; } = "";
    public CommitReference Commit { get; init; } = new();
    public bool Protected { get; init; }
}
