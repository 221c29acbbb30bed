using System.Text;
using System.Text.Json.Nodes;
using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

/// <summary>Builds webhook requests the way GitHub sends them.</summary>
internal static class Webhooks
{
    public const string Secret = "test-webhook-secret";


    /// <summary>A comment on a plain issue (no pull request).</summary>
    public static string IssueComment(string repo, int number, string body, string commenter = "alice") =>
        Json(new JsonObject
        {
            ["action"] = "created",
            ["issue"] = Issue(number, "an issue", "alice", pullRequest: false),
            ["comment"] = new JsonObject { ["id"] = number * 100, ["body"] = body, ["user"] = User(commenter) },
            ["repository"] = Repository(repo),
            ["sender"] = User(commenter),
        });

    public static string PullRequestComment(string repo, int number, string body, string commenter, string prAuthor = "alice") =>
        Json(new JsonObject
        {
            ["action"] = "created",
            ["issue"] = Issue(number, "a pull request", prAuthor, pullRequest: true),
            ["comment"] = new JsonObject { ["id"] = number * 100 + 1, ["body"] = body, ["user"] = User(commenter) },
            ["repository"] = Repository(repo),
            ["sender"] = User(commenter),
        });

    public static string PullRequest(string action, string repo, int number, string author, string headSha, string baseRef = "main", bool draft = false, string baseSha = "base0000", params string[] labels) =>
        Json(new JsonObject
        {
            ["action"] = action,
            ["number"] = number,
            ["pull_request"] = new JsonObject
            {
                ["number"] = number,
                ["state"] = "open",
                ["title"] = "a pull request",
                ["user"] = User(author),
                ["draft"] = draft,
                ["head"] = new JsonObject { ["ref"] = "feature", ["sha"] = headSha },
                ["base"] = new JsonObject { ["ref"] = baseRef, ["sha"] = baseSha },
                ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]),
                ["html_url"] = $"https://github.com/{repo}/pull/{number}",
            },
            ["repository"] = Repository(repo),
            ["sender"] = User(author),
        });

    public static string Push(string repo, string branch, string after, params string[] modified) =>
        PushRef(repo, $"refs/heads/{branch}", after, modified);

    /// <summary>A push of a full ref, such as a tag's <c>refs/tags/v1.2.3</c>.</summary>
    public static string PushRef(string repo, string fullRef, string after, params string[] modified) =>
        Json(new JsonObject
        {
            ["ref"] = fullRef,
            ["before"] = "1111111111111111111111111111111111111111",
            ["after"] = after,
            ["commits"] = new JsonArray(new JsonObject { ["id"] = after, ["message"] = "change", ["modified"] = new JsonArray([.. modified.Select(m => (JsonNode?)m)]) }),
            ["repository"] = Repository(repo),
            ["sender"] = User("alice"),
        });

    /// <summary>A submitted (or dismissed) review; webhooks carry the state lower-case.</summary>
    public static string PullRequestReview(string repo, int number, string reviewer, string state, string headSha, string body = "", string prAuthor = "alice", string action = "submitted") =>
        Json(new JsonObject
        {
            ["action"] = action,
            ["review"] = new JsonObject { ["id"] = number * 1000 + 1, ["user"] = User(reviewer), ["state"] = state, ["body"] = body, ["commit_id"] = headSha },
            ["pull_request"] = new JsonObject
            {
                ["number"] = number,
                ["state"] = "open",
                ["title"] = "a pull request",
                ["user"] = User(prAuthor),
                ["head"] = new JsonObject { ["ref"] = "feature", ["sha"] = headSha },
                ["base"] = new JsonObject { ["ref"] = "main", ["sha"] = "base0000" },
                ["html_url"] = $"https://github.com/{repo}/pull/{number}",
            },
            ["repository"] = Repository(repo),
            ["sender"] = User(reviewer),
        });

    public static string Review(string repo, int number, string headSha, string reviewer, string state) =>
        PullRequestReview(repo, number, reviewer, state, headSha);

    public static string Status(string repo, string sha, string context, string state) =>
        Json(new JsonObject
        {
            ["sha"] = sha,
            ["context"] = context,
            ["state"] = state,
            ["description"] = $"{context} is {state}",
            ["repository"] = Repository(repo),
            ["sender"] = User("ci-bot"),
        });

    /// <summary>An <c>issues</c> event (labeled, closed, ...) on a plain issue carrying these labels.</summary>
    public static string IssueEvent(string action, string repo, int number, string title, string? label, params string[] labels)
    {
        var issue = Issue(number, title, "alice", pullRequest: false);
        issue["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]);
        return Json(new JsonObject
        {
            ["action"] = action,
            ["issue"] = issue,
            ["label"] = label is null ? null : new JsonObject { ["name"] = label },
            ["repository"] = Repository(repo),
            ["sender"] = User("maintainer"),
        });
    }

    public static string CheckRun(string repo, string headSha, string name, string status, string? conclusion) =>
        Json(new JsonObject
        {
            ["action"] = status == "completed" ? "completed" : "created",
            ["check_run"] = new JsonObject { ["id"] = 77, ["name"] = name, ["head_sha"] = headSha, ["status"] = status, ["conclusion"] = conclusion },
            ["repository"] = Repository(repo),
            ["sender"] = User("ci-app"),
        });

    private static JsonObject Issue(int number, string title, string author, bool pullRequest)
    {
        var issue = new JsonObject { ["number"] = number, ["title"] = title, ["state"] = "open", ["user"] = User(author), ["body"] = "" };
        if (pullRequest)
        {
            issue["pull_request"] = new JsonObject { ["url"] = $"https://api.github.com/pulls/{number}" };
        }

        return issue;
    }

    private static JsonObject User(string login) => new() { ["login"] = login, ["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal)) % 100000 };

    private static JsonObject Repository(string fullName) => new()
    {
        ["full_name"] = fullName,
        ["name"] = fullName.Split('/')[1],
        ["owner"] = User(fullName.Split('/')[0]),
        ["default_branch"] = "main",
    };

    private static string Json(JsonObject value) => value.ToJsonString();

    public static HttpRequestMessage Request(string eventName, string deliveryId, string json, string? secret = Secret, string contentType = "application/json") =>
        SignedWebhook.Request(eventName, deliveryId, Encoding.UTF8.GetBytes(json), secret, contentType);
}
