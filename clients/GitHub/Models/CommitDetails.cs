namespace Prow.Clients.GitHub;

/// <summary>The git side of a listed commit: its message.</summary>
public sealed record CommitDetails
{
    public string Message { get; set; } = "";
}
