namespace Prow.Clients.GitHub;

public sealed record CommitReference
{
    public string Sha { get; set; } = "";
    public string? Url { get; set; }
}
