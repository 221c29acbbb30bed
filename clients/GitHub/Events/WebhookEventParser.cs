using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Prow.Clients.GitHub.Events;

/// <summary>Turns a webhook body into its typed event, by <c>X-GitHub-Event</c>.</summary>
public static class WebhookEventParser
{
    private static readonly Dictionary<string, Func<ReadOnlyMemory<byte>, GitHubEvent?>> s_parsers = new(StringComparer.Ordinal)
    {
        ["pull_request"] = body => Deserialize(body, WebhookJsonContext.Default.PullRequestEvent),
        ["issue_comment"] = body => Deserialize(body, WebhookJsonContext.Default.IssueCommentEvent),
        ["issues"] = body => Deserialize(body, WebhookJsonContext.Default.IssuesEvent),
        ["pull_request_review"] = body => Deserialize(body, WebhookJsonContext.Default.PullRequestReviewEvent),
        ["pull_request_review_comment"] = body => Deserialize(body, WebhookJsonContext.Default.PullRequestReviewCommentEvent),
        ["push"] = body => Deserialize(body, WebhookJsonContext.Default.PushEvent),
        ["status"] = body => Deserialize(body, WebhookJsonContext.Default.StatusEvent),
        ["check_run"] = body => Deserialize(body, WebhookJsonContext.Default.CheckRunEvent),
        ["check_suite"] = body => Deserialize(body, WebhookJsonContext.Default.CheckSuiteEvent),
        ["repository"] = body => Deserialize(body, WebhookJsonContext.Default.RepositoryEvent),
    };

    /// <summary>The event names this system handles; others are acknowledged and ignored.</summary>
    public static IReadOnlyCollection<string> HandledEvents => s_parsers.Keys;

    public static bool IsHandled(string eventName) => s_parsers.ContainsKey(eventName);

    /// <summary>
    /// Parses a handled event. Returns false with a reason when the body is not that event's JSON; returns true
    /// with a null event for an event this system does not handle.
    /// </summary>
    public static bool TryParse(string eventName, ReadOnlyMemory<byte> body, out GitHubEvent? gitHubEvent, out string? error)
    {
        gitHubEvent = null;
        error = null;
        if (!s_parsers.TryGetValue(eventName, out var parse))
        {
            return true;
        }

        try
        {
            gitHubEvent = parse(body);
        }
        catch (JsonException ex)
        {
            error = $"not a {eventName} event: {ex.Message}";
            return false;
        }

        error = gitHubEvent is null ? $"not a {eventName} event: the body is null" : gitHubEvent.Validate() is { } missing ? $"not a {eventName} event: {missing}" : null;
        if (error is not null)
        {
            gitHubEvent = null;
            return false;
        }

        return true;
    }

    private static T? Deserialize<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(body.Span, typeInfo);
}
