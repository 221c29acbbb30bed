namespace Prow.Clients.GitHub;

public sealed record MergeResult
{
    public string? Sha { get; init; }
    public bool Merged { get; init; }
    public string? Message { get; init; }
}
