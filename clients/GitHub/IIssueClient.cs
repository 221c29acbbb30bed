namespace Prow.Clients.GitHub;

/// <summary>Issue-level calls; pull requests are issues too, so these take a PR number as well.</summary>
public interface IIssueClient
{
    Task<Issue> GetIssueAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task<IssueComment> CreateCommentAsync(string owner, string repo, int number, string body, CancellationToken cancellationToken);

    Task<IssueComment> EditCommentAsync(string owner, string repo, long commentId, string body, CancellationToken cancellationToken);

    Task DeleteCommentAsync(string owner, string repo, long commentId, CancellationToken cancellationToken);

    /// <summary>The issue's event log, oldest first (who added or removed which label, and when).</summary>
    Task<IReadOnlyList<IssueEvent>> ListIssueEventsAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task<IReadOnlyList<Label>> ListIssueLabelsAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task AddLabelsAsync(string owner, string repo, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    /// <returns>False when the label was not on the issue (GitHub's 404), true when it was removed.</returns>
    Task<bool> RemoveLabelAsync(string owner, string repo, int number, string label, CancellationToken cancellationToken);

    /// <returns>
    /// The logins GitHub left unassigned: it silently skips anyone who is not an org member, a collaborator or a
    /// participant of the issue.
    /// </returns>
    Task<IReadOnlyList<string>> AssignIssueAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    Task UnassignIssueAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    Task CloseIssueAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <summary>Closes an issue with the reason "not planned" (pull requests have no such state).</summary>
    Task CloseIssueAsNotPlannedAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task ReopenIssueAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <summary>Edits the title of an issue or pull request (the retitle plugin).</summary>
    Task EditIssueTitleAsync(string owner, string repo, int number, string title, CancellationToken cancellationToken);

    /// <summary>Replaces the description of an issue or pull request (the release-note plugin's /release-note-edit).</summary>
    Task EditIssueBodyAsync(string owner, string repo, int number, string body, CancellationToken cancellationToken);

    /// <summary>Reacts to an issue or pull request itself (its description); <paramref name="content"/> is one of <see cref="Reactions"/>.</summary>
    Task CreateIssueReactionAsync(string owner, string repo, int number, string content, CancellationToken cancellationToken);

    /// <summary>Reacts to a comment on an issue or pull request; <paramref name="content"/> is one of <see cref="Reactions"/>.</summary>
    Task CreateCommentReactionAsync(string owner, string repo, long commentId, string content, CancellationToken cancellationToken);
}
