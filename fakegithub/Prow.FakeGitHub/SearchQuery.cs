using System.Text.RegularExpressions;

namespace Prow.FakeGitHub;

/// <summary>
/// The subset of GitHub search syntax tide and needs-rebase use: <c>repo:</c>, <c>org:</c>,
/// <c>is:pr|issue|open|closed|merged</c>, <c>type:pr|issue</c>, <c>state:</c>, <c>label:</c>, <c>-label:</c>, <c>author:</c>,
/// <c>base:</c>, and a bare commit SHA (GitHub finds the pull requests holding that commit). Other qualifiers and words are ignored.
/// </summary>
internal sealed partial class SearchQuery
{
    private readonly List<(bool Negated, string Key, string Value)> _terms = [];

    public static SearchQuery Parse(string text)
    {
        var query = new SearchQuery();
        foreach (Match m in Term().Matches(text))
        {
            query._terms.Add((m.Groups["neg"].Success, m.Groups["key"].Value.ToLowerInvariant(), m.Groups["value"].Value.Trim('"')));
        }

        foreach (Match m in Sha().Matches(text))
        {
            query._terms.Add((false, "sha", m.Value));
        }

        return query;
    }

    /// <summary>Every term holds, except that several positive <c>repo:</c> (or <c>org:</c>) terms hold when one does, as on GitHub.</summary>
    public bool Matches(FakeRepo repo, FakeIssue issue) =>
        _terms.Where(t => t.Negated || !IsScope(t.Key)).All(t => Holds(repo, issue, t.Key, t.Value) != t.Negated)
        && _terms.Where(t => !t.Negated && IsScope(t.Key)).GroupBy(t => t.Key == "repo").All(g => g.Any(t => Holds(repo, issue, t.Key, t.Value)));

    private static bool IsScope(string key) => key is "repo" or "org" or "user";

    private static bool Holds(FakeRepo repo, FakeIssue issue, string key, string value) => key switch
    {
        "repo" => string.Equals(repo.FullName, value, StringComparison.OrdinalIgnoreCase),
        "org" or "user" => string.Equals(repo.Owner, value, StringComparison.OrdinalIgnoreCase),
        "is" => value switch
        {
            "pr" => issue.IsPullRequest,
            "issue" => !issue.IsPullRequest,
            "open" or "closed" => issue.State == value,
            "merged" => issue.Merged,
            _ => true,
        },
        "type" => value == "pr" ? issue.IsPullRequest : value != "issue" || !issue.IsPullRequest,
        "sha" => issue.HeadSha.StartsWith(value, StringComparison.OrdinalIgnoreCase) || issue.Commits.Any(c => c.Sha.StartsWith(value, StringComparison.OrdinalIgnoreCase)),
        "state" => issue.State == value,
        "label" => issue.Labels.Contains(value, StringComparer.OrdinalIgnoreCase),
        "author" => string.Equals(issue.Author, value, StringComparison.OrdinalIgnoreCase),
        "base" => issue.BaseRef == value,
        _ => true,
    };

    [GeneratedRegex("""(?<neg>-)?(?<key>[a-zA-Z]+):(?<value>"[^"]*"|\S+)""")]
    private static partial Regex Term();

    [GeneratedRegex(@"(?<=^|\s)[0-9a-fA-F]{7,40}(?=\s|$)")]
    private static partial Regex Sha();
}
