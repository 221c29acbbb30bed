using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub.Events;

/// <summary>Source-generated parsing of the webhook events, in GitHub's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PullRequestEvent))]
[JsonSerializable(typeof(IssueCommentEvent))]
[JsonSerializable(typeof(IssuesEvent))]
[JsonSerializable(typeof(PullRequestReviewEvent))]
[JsonSerializable(typeof(PullRequestReviewCommentEvent))]
[JsonSerializable(typeof(PushEvent))]
[JsonSerializable(typeof(StatusEvent))]
[JsonSerializable(typeof(CheckRunEvent))]
[JsonSerializable(typeof(CheckSuiteEvent))]
[JsonSerializable(typeof(RepositoryEvent))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
