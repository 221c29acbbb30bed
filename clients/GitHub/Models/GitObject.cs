namespace Prow.Clients.GitHub;

public sealed record GitObject
{
    public string Sha { get; init; } = "";
    public string Type { get; init; } = "";
}
