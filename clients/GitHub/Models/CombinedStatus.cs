namespace Prow.Clients.GitHub;

/// <summary>The latest status per context for a ref, and their combination.</summary>
public sealed record CombinedStatus
{
    public StatusState State { get; set; }
    public string Sha { get; set; } = "";
    public int TotalCount { get; set; }
    public IReadOnlyList<CommitStatus> Statuses { get; set; } = [];
}
