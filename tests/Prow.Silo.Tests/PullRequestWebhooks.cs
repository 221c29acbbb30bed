using System.Text.Json.Nodes;

namespace Prow.Silo.Tests;

/// <summary>
/// Pull request webhooks with the parts merge-time plugins read: both sides' repositories, whether it merged, its
/// milestone and its commit count.
/// </summary>
internal static class PullRequestWebhooks
{
    /// <param name="headRepo">Where the head branch lives; a fork when it differs from <paramref name="repo"/>.</param>
    public static string Event(
        string action, string repo, int number, string baseRef = "main", string headRef = "feature", bool merged = false,
        string? milestone = null, string? headRepo = null, string defaultBranch = "main", int commits = 1, params string[] labels) =>
        new JsonObject
        {
            ["action"] = action,
            ["number"] = number,
            ["pull_request"] = new JsonObject
            {
                ["number"] = number,
                ["state"] = action == "closed" ? "closed" : "open",
                ["title"] = "a pull request",
                ["user"] = User("alice"),
                ["merged"] = merged,
                ["commits"] = commits,
                ["milestone"] = milestone is null ? null : new JsonObject { ["number"] = 99, ["title"] = milestone },
                ["head"] = new JsonObject { ["ref"] = headRef, ["sha"] = "head0001", ["repo"] = Repository(headRepo ?? repo, defaultBranch) },
                ["base"] = new JsonObject { ["ref"] = baseRef, ["sha"] = "base0000", ["repo"] = Repository(repo, defaultBranch) },
                ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]),
                ["html_url"] = $"https://github.com/{repo}/pull/{number}",
            },
            ["repository"] = Repository(repo, defaultBranch),
            ["sender"] = User("alice"),
        }.ToJsonString();

    private static JsonObject User(string login) => new() { ["login"] = login, ["id"] = 7 };

    private static JsonObject Repository(string fullName, string defaultBranch) => new()
    {
        ["full_name"] = fullName,
        ["name"] = fullName.Split('/')[1],
        ["owner"] = User(fullName.Split('/')[0]),
        ["default_branch"] = defaultBranch,
    };
}
