using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>Renders the fake's model in GitHub's wire shapes (written out here, independent of the client's records).</summary>
internal static class FakeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null };

    public static IResult Ok(object value, int status = 200) => Results.Json(value, Options, statusCode: status);

    public const string DocumentationUrl = "https://docs.github.com/rest";

    public static IResult Error(int status, string message) =>
        Results.Json(new { message, documentation_url = DocumentationUrl }, Options, statusCode: status);

    /// <summary>An error body for the pipeline, which answers before any endpoint runs.</summary>
    public static byte[] ErrorBytes(string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new { message, documentation_url = DocumentationUrl }, Options);

    public static IResult NotFound() => Error(404, "Not Found");

    public static object User(string login) => new { login, id = StableId(login), type = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" };

    public static object Label(string name) => new { id = StableId(name), name, color = "ededed", description = (string?)null };

    public static object Repo(FakeRepo repo) => new
    {
        id = repo.Id,
        node_id = NodeId(repo),
        name = repo.Name,
        full_name = repo.FullName,
        owner = User(repo.Owner),
        default_branch = repo.DefaultBranch,
        @private = repo.Private,
        archived = repo.Archived,
        fork = false,
        html_url = "https://github.com/" + repo.FullName,
    };

    public static object Issue(FakeRepo repo, FakeIssue issue, string baseUrl) => new
    {
        id = StableId(repo.FullName + "#" + issue.Number),
        node_id = NodeId(repo, issue),
        number = issue.Number,
        state = issue.State,
        title = issue.Title,
        body = issue.Body,
        user = User(issue.Author),
        labels = issue.Labels.Select(Label).ToArray(),
        assignees = issue.Assignees.Select(User).ToArray(),
        milestone = Milestone(repo, issue),
        html_url = $"https://github.com/{repo.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
        repository_url = $"{baseUrl}/repos/{repo.FullName}",
        pull_request = issue.IsPullRequest ? new { url = $"{baseUrl}/repos/{repo.FullName}/pulls/{issue.Number}", html_url = $"https://github.com/{repo.FullName}/pull/{issue.Number}" } : null,
        created_at = issue.CreatedAt,
        updated_at = issue.CreatedAt,
    };

    /// <param name="computing">Mergeability is not known yet (GitHub answers null).</param>
    public static object Pull(FakeRepo repo, FakeIssue pr, bool computing = false) => new
    {
        id = StableId(repo.FullName + "#" + pr.Number),
        number = pr.Number,
        state = pr.State,
        title = pr.Title,
        body = pr.Body,
        user = User(pr.Author),
        head = new { @ref = pr.HeadRef, sha = pr.HeadSha, label = pr.Author + ":" + pr.HeadRef, repo = Repo(repo) },
        @base = new { @ref = pr.BaseRef, sha = repo.Branches.GetValueOrDefault(pr.BaseRef, ""), label = repo.Owner + ":" + pr.BaseRef, repo = Repo(repo) },
        draft = pr.Draft,
        merged = pr.Merged,
        mergeable = computing ? null : pr.Mergeable,
        mergeable_state = computing ? "unknown" : pr.MergeableState ?? pr.Mergeable switch { true => "clean", false => "dirty", null => "unknown" },
        merge_commit_sha = pr.MergeCommitSha,
        labels = pr.Labels.Select(Label).ToArray(),
        assignees = pr.Assignees.Select(User).ToArray(),
        requested_reviewers = pr.RequestedReviewers.Select(User).ToArray(),
        requested_teams = pr.RequestedTeams.Select(t => new { slug = t, name = t }).ToArray(),
        milestone = Milestone(repo, pr),
        html_url = $"https://github.com/{repo.FullName}/pull/{pr.Number}",
        created_at = pr.CreatedAt,
        updated_at = pr.CreatedAt,
        additions = pr.Files.Sum(f => f.Additions),
        deletions = pr.Files.Sum(f => f.Deletions),
        changed_files = pr.Files.Count,
        commits = pr.Commits.Count,
    };

    public static object Comment(FakeRepo repo, FakeComment c) => new
    {
        id = c.Id,
        body = c.Body,
        user = User(c.Author),
        html_url = $"https://github.com/{repo.FullName}/issues/{c.IssueNumber}#issuecomment-{c.Id}",
        created_at = c.CreatedAt,
        updated_at = c.UpdatedAt,
    };

    public static object Status(FakeStatus s) => new
    {
        id = s.Id,
        state = s.State,
        context = s.Context,
        description = s.Description,
        target_url = s.TargetUrl,
        creator = User(s.Creator),
        created_at = s.CreatedAt,
        updated_at = s.CreatedAt,
    };

    /// <summary>A git-looking 40-hex SHA derived from <paramref name="seed"/> (fake objects have no real content hash).</summary>
    public static string Sha(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..40];

    /// <summary>A deterministic id per name, so repeated GETs render identical bodies (and ETags).</summary>
    public static long StableId(string key)
    {
        var hash = 17L;
        foreach (var ch in key)
        {
            hash = unchecked((hash * 31) + ch);
        }

        return Math.Abs(hash % 1_000_000_000);
    }

    /// <summary>GraphQL ids the fake can read back: <c>R_{repo id}</c> and <c>I_{repo id}_{number}</c>.</summary>
    public static string NodeId(FakeRepo repo) => "R_" + repo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NodeId(FakeRepo repo, FakeIssue issue) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"I_{repo.Id}_{issue.Number}");

    /// <summary>A milestone the repository defines keeps its number; any other title gets one derived from it.</summary>
    private static object? Milestone(FakeRepo repo, FakeIssue issue) => issue.Milestone is { } title
        ? new { number = repo.Milestones.Find(m => m.Title == title)?.Number ?? StableId(title) % 1000, title }
        : null;
}
