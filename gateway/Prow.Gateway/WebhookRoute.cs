using System.Text.Json;
using Prow.Clients.GitHub.Events;

namespace Prow.Gateway;

/// <summary>
/// Which grain a webhook goes to, worked out once when it is accepted: pull request events (and comments and reviews
/// on a pull request) to the pull request's grain, everything else about a repository to the repository's grain.
/// Stored with the delivery, so handling (and replay) routes without parsing the payload again.
/// </summary>
internal sealed record WebhookRoute(string? Repository, int? PullRequest, string? Action)
{
    public static WebhookRoute From(GitHubEvent gitHubEvent)
    {
        ArgumentNullException.ThrowIfNull(gitHubEvent);
        var repository = gitHubEvent.Repository;
        var fullName = repository.FullName.Length > 0 ? repository.FullName
            : repository.Name.Length > 0 && repository.Owner.Login.Length > 0 ? $"{repository.Owner.Login}/{repository.Name}"
            : null;
        return gitHubEvent switch
        {
            PullRequestEvent e => new(fullName, Positive(e.PullRequest?.Number) ?? Positive(e.Number), e.Action),
            PullRequestReviewEvent e => new(fullName, Positive(e.PullRequest?.Number), e.Action),
            PullRequestReviewCommentEvent e => new(fullName, Positive(e.PullRequest?.Number), e.Action),
            IssueCommentEvent e => new(fullName, e.Issue.IsPullRequest ? Positive(e.Issue.Number) : null, e.Action),
            IssuesEvent e => new(fullName, null, e.Action),
            CheckRunEvent e => new(fullName, null, e.Action),
            CheckSuiteEvent e => new(fullName, null, e.Action),
            RepositoryEvent e => new(fullName, null, e.Action),
            _ => new(fullName, null, null),
        };
    }

    /// <summary>For events this system does not parse into a type: the repository and the action, read from the JSON.</summary>
    public static WebhookRoute From(JsonElement payload)
    {
        string? At(string first, string? second = null)
        {
            if (!payload.TryGetProperty(first, out var value))
            {
                return null;
            }

            if (second is not null && (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(second, out value)))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        return new(At("repository", "full_name"), null, At("action"));
    }

    private static int? Positive(int? number) => number is > 0 ? number : null;
}
