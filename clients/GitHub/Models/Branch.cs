namespace Prow.Clients.GitHub;

public sealed record Branch
{
    public string Name { get; set; } = "";
    public CommitReference Commit { get; set; } = new();
    public bool Protected { get; set; }
}
