namespace Prow.Clients.GitHub;

internal sealed record SearchIssuesPage
{
    public int TotalCount { get; set; }
    public bool IncompleteResults { get; set; }
    public IReadOnlyList<Issue> Items { get; set; } = [];
}
