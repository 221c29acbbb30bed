namespace Prow.Clients.GitHub;

public sealed record CommitReference
{
    public string Sha { get; init; } = "";
    public string? Url { get; init; }
}
