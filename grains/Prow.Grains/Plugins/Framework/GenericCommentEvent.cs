using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// Prow's GenericCommentEvent: any text a person wrote on an issue or pull request, whatever event carried it,
/// so command plugins handle comments, review bodies and descriptions alike.
/// </summary>
public sealed record GenericCommentEvent(
    string Action,
    bool IsPullRequest,
    string Body,
    string HtmlUrl,
    int Number,
    string Org,
    string Repo,
    string Commenter,
    string IssueAuthor,
    string IssueState,
    string IssueTitle,
    IReadOnlyList<string> Assignees,
    string? HeadSha,
    string DeliveryId)
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Deleted = "deleted";

    /// <summary>The generic comment a typed event carries, if it carries one.</summary>
    public static GenericCommentEvent? From(GitHubEvent gitHubEvent, string deliveryId)
    {
        var (org, repo) = (gitHubEvent.Repository.Owner.Login, gitHubEvent.Repository.Name);
        return gitHubEvent switch
        {
            IssueCommentEvent e => new(Normalize(e.Action), e.Issue.IsPullRequest, e.Comment.Body, e.Comment.HtmlUrl ?? "", e.Issue.Number, org, repo,
                e.Comment.User.Login, e.Issue.User.Login, e.Issue.State, e.Issue.Title, [.. e.Issue.Assignees.Select(a => a.Login)], null, deliveryId),
            PullRequestReviewEvent e when e.Action is "submitted" or "edited" => new(e.Action == "submitted" ? Created : Edited, true, e.Review.Body ?? "", e.PullRequest.HtmlUrl ?? "",
                e.PullRequest.Number, org, repo, e.Review.User.Login, e.PullRequest.User.Login, e.PullRequest.State, e.PullRequest.Title,
                [.. e.PullRequest.Assignees.Select(a => a.Login)], e.PullRequest.Head.Sha, deliveryId),
            PullRequestReviewCommentEvent e => new(Normalize(e.Action), true, e.Comment.Body, e.Comment.HtmlUrl ?? "", e.PullRequest.Number, org, repo,
                e.Comment.User.Login, e.PullRequest.User.Login, e.PullRequest.State, e.PullRequest.Title, [.. e.PullRequest.Assignees.Select(a => a.Login)], e.PullRequest.Head.Sha, deliveryId),
            PullRequestEvent e when e.Action is "opened" or "edited" => new(e.Action == "opened" ? Created : Edited, true, e.PullRequest.Body ?? "", e.PullRequest.HtmlUrl ?? "",
                e.PullRequest.Number, org, repo, e.PullRequest.User.Login, e.PullRequest.User.Login, e.PullRequest.State, e.PullRequest.Title,
                [.. e.PullRequest.Assignees.Select(a => a.Login)], e.PullRequest.Head.Sha, deliveryId),
            IssuesEvent e when e.Action is "opened" or "edited" => new(e.Action == "opened" ? Created : Edited, e.Issue.IsPullRequest, e.Issue.Body ?? "", e.Issue.HtmlUrl ?? "",
                e.Issue.Number, org, repo, e.Issue.User.Login, e.Issue.User.Login, e.Issue.State, e.Issue.Title, [.. e.Issue.Assignees.Select(a => a.Login)], null, deliveryId),
            _ => null,
        };
    }

    private static string Normalize(string action) => action switch
    {
        "created" => Created,
        "deleted" => Deleted,
        _ => Edited,
    };
}
