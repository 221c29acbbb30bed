using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>
/// The GraphQL mutations the client sends (transferIssue, pinIssue, unpinIssue), recognised by name in the query and
/// answered as GitHub answers: 200 with <c>data</c>, or 200 with <c>errors</c>.
/// </summary>
public sealed partial class FakeGitHubServer
{
    private void MapGraphQLRoutes(WebApplication app) =>
        app.MapPost("/graphql", (HttpContext c) =>
        {
            var body = Body(c);
            var query = String(body, "query") ?? "";
            var input = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("variables", out var variables)
                && variables.TryGetProperty("input", out var given) ? given : default;
            lock (State.Sync)
            {
                if (FindIssue(String(input, "issueId")) is not (var repo, var issue))
                {
                    return GraphQLError($"Could not resolve to a node with the global id of '{String(input, "issueId")}'");
                }

                if (query.Contains("unpinIssue(", StringComparison.Ordinal) || query.Contains("pinIssue(", StringComparison.Ordinal))
                {
                    issue.Pinned = !query.Contains("unpinIssue(", StringComparison.Ordinal);
                    return FakeJson.Ok(new { data = new Dictionary<string, object> { [issue.Pinned ? "pinIssue" : "unpinIssue"] = new { issue = new { id = FakeJson.NodeId(repo, issue) } } } });
                }

                if (query.Contains("transferIssue(", StringComparison.Ordinal))
                {
                    var target = State.AllRepos().FirstOrDefault(r => FakeJson.NodeId(r) == String(input, "repositoryId"));
                    if (target is null)
                    {
                        return GraphQLError($"Could not resolve to a node with the global id of '{String(input, "repositoryId")}'");
                    }

                    var moved = Transfer(repo, issue, target);
                    return FakeJson.Ok(new { data = new { transferIssue = new { issue = new { url = $"https://github.com/{target.FullName}/issues/{moved.Number}" } } } });
                }

                return GraphQLError("The fake GitHub does not serve this GraphQL operation: " + query);
            }
        });

    private static IResult GraphQLError(string message) => FakeJson.Ok(new { data = (object?)null, errors = new[] { new { message } } });

    /// <summary>Finds an issue by the node id <see cref="FakeJson.NodeId(FakeRepo, FakeIssue)"/> gives it.</summary>
    private (FakeRepo Repo, FakeIssue Issue)? FindIssue(string? nodeId)
    {
        var parts = nodeId?.Split('_') ?? [];
        if (parts is not ["I", var repoId, var number])
        {
            return null;
        }

        var repo = State.AllRepos().FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == repoId);
        return repo is not null && int.TryParse(number, CultureInfo.InvariantCulture, out var n) && repo.Issues.TryGetValue(n, out var issue) && !issue.IsPullRequest
            ? (repo, issue)
            : null;
    }

    /// <summary>As GitHub does: the issue gets the next number in its new repository and its comments go with it.</summary>
    private static FakeIssue Transfer(FakeRepo from, FakeIssue issue, FakeRepo to)
    {
        var moved = to.AddIssue(to.Issues.Keys.DefaultIfEmpty(0).Max() + 1, issue.Title, issue.Author);
        moved.Body = issue.Body;
        moved.State = issue.State;
        moved.Assignees.AddRange(issue.Assignees);
        moved.Labels.AddRange(issue.Labels.Where(to.Labels.Contains));
        for (var i = 0; i < from.Comments.Count; i++)
        {
            if (from.Comments[i].IssueNumber == issue.Number)
            {
                to.Comments.Add(from.Comments[i] with { IssueNumber = moved.Number });
            }
        }

        from.Comments.RemoveAll(c => c.IssueNumber == issue.Number);
        from.Issues.Remove(issue.Number);
        return moved;
    }
}
