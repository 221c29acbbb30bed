namespace Prow.Clients.GitHub;

/// <summary>The latest status per context for a ref, and their combination.</summary>
public sealed record CombinedStatus
{
    public StatusState State { get; init; }
    public string Sha { get; init; } = "";
    public int TotalCount { get; init; }
    public IReadOnlyList<CommitStatus> Statuses { get; init; } = [];
}
