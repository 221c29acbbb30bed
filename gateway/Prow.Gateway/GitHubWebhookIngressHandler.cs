using System.Text.Json;
using Orleans;
using Prow.GrainInterfaces;
using Prow.Ingress;

namespace Prow.Gateway;

/// <summary>
/// Routes a stored webhook to the grain that owns it: pull request events (including comments and reviews on a
/// pull request) to <see cref="IPullRequestGrain"/>, everything else about a repository to
/// <see cref="IRepositoryGrain"/>. Events with no repository (org-level) are acknowledged and dropped.
/// </summary>
internal sealed class GitHubWebhookIngressHandler(IGrainFactory grains) : IIngressHandler
{
    public string Kind => WebhookEnvelope.IngressKind;

    public Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken)
    {
        var envelope = WebhookEnvelope.Deserialize(entry.Payload);
        var payload = envelope.Payload;
        if (!GrainKeys.TryParseRepository(StringAt(payload, "repository", "full_name"), out var org, out var repo))
        {
            return Task.CompletedTask;
        }

        var delivery = new WebhookDelivery(envelope.DeliveryId, envelope.EventName, StringAt(payload, "action"), envelope.ReceivedAt, payload.GetRawText());
        return PullRequestNumber(envelope.EventName, payload) is { } number
            ? grains.GetGrain<IPullRequestGrain>(GrainKeys.PullRequest(org, repo, number)).OnWebhookAsync(delivery)
            : grains.GetGrain<IRepositoryGrain>(GrainKeys.Repository(org, repo)).OnWebhookAsync(delivery);
    }

    private static int? PullRequestNumber(string eventName, JsonElement payload) => eventName switch
    {
        "pull_request" or "pull_request_review" or "pull_request_review_comment" => IntAt(payload, "pull_request", "number") ?? IntAt(payload, "number"),
        "issue_comment" when payload.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object
            && issue.TryGetProperty("pull_request", out var link) && link.ValueKind == JsonValueKind.Object => IntAt(payload, "issue", "number"),
        _ => null,
    };

    private static string? StringAt(JsonElement root, params string[] path) => At(root, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? IntAt(JsonElement root, params string[] path) => At(root, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number > 0 ? number : null;

    private static JsonElement? At(JsonElement root, string[] path)
    {
        var current = root;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
