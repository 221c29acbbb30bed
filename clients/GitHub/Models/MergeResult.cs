namespace Prow.Clients.GitHub;

public sealed record MergeResult
{
    public string? Sha { get; set; }
    public bool Merged { get; set; }
    public string? Message { get; set; }
}
