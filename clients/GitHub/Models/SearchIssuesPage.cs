namespace Prow.Clients.GitHub;

internal sealed record SearchIssuesPage
{
    public int TotalCount { get; init; }
    public bool IncompleteResults { get; init; }
    public IReadOnlyList<Issue> Items { get; init; } = [];
}
