namespace Prow.Clients.GitHub;

public interface ISearchClient
{
    /// <summary>
    /// All issues/PRs matching a search query, following pagination. GitHub serves at most 1000
    /// results per query; callers with more (tide on big repos) must shard the query.
    /// </summary>
    Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken cancellationToken);
}
