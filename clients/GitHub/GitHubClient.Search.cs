using System.Text.RegularExpressions;

namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    public Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Search URLs name no owner; App auth needs one to pick the installation, so take it from the query.
        var scope = SearchScope().Match(query);
        var route = GitHubRoute.Create("/search/issues").WithQuery(("q", query));
        if (scope.Success)
        {
            var target = scope.Groups["target"].Value.Split('/');
            route = route.ForOwner(target[0], target.Length > 1 ? target[1] : null);
        }

        return GetPagedAsync(route, Json.SearchIssuesPage, page => page.Items, cancellationToken);
    }

    [GeneratedRegex(@"(?:^|\s)(?:org|repo|user):(?<target>[^\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SearchScope();
}
