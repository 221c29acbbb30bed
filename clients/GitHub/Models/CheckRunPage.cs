namespace Prow.Clients.GitHub;

/// <summary>The wrapper GitHub puts around a page of check runs.</summary>
internal sealed record CheckRunPage
{
    public int TotalCount { get; set; }
    public IReadOnlyList<CheckRun> CheckRuns { get; set; } = [];
}
