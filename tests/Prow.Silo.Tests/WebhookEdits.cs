using System.Text.Json.Nodes;

namespace Prow.Silo.Tests;

/// <summary>Variations on the <see cref="Webhooks"/> payloads (a title, a closed issue, a merge) without more builder overloads.</summary>
internal static class WebhookEdits
{
    public static string Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    public static string WithTitle(string pullRequestJson, string title) =>
        Edit(pullRequestJson, e => e["pull_request"]!["title"] = title);

    /// <summary>The issue (or pull request) the comment is on is closed.</summary>
    public static string OnClosed(string commentJson) => Edit(commentJson, e => e["issue"]!["state"] = "closed");

    /// <summary>A <c>closed</c> pull request event for a merge: merged, with the merge commit.</summary>
    public static string Merged(string pullRequestJson, string mergeSha) => Edit(pullRequestJson, e =>
    {
        e["pull_request"]!["state"] = "closed";
        e["pull_request"]!["merged"] = true;
        e["pull_request"]!["merge_commit_sha"] = mergeSha;
    });
}
