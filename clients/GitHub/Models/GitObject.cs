namespace Prow.Clients.GitHub;

public sealed record GitObject
{
    public string Sha { get; set; } = "";
    public string Type { get; set; } = "";
}
