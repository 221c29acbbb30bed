namespace Prow.Clients.GitHub.Events;

/// <summary><c>pull_request</c>: opened, reopened, synchronize, edited, labeled, unlabeled, closed, ready_for_review, converted_to_draft, ...</summary>
public sealed record PullRequestEvent : GitHubEvent
{
    public override string EventName => "pull_request";

    public string Action { get; set; } = "";

    public int Number { get; set; }

    public PullRequest PullRequest { get; set; } = null!;

    /// <summary>The label added or removed (labeled / unlabeled).</summary>
    public Label? Label { get; set; }

    /// <summary>For synchronize: the head before the push.</summary>
    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>For edited: what changed (title, body, base).</summary>
    public PullRequestChanges? Changes { get; set; }

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : PullRequest is null ? "pull_request is missing"
        : Number <= 0 && PullRequest.Number <= 0 ? "number is missing"
        : RequireRepository();
}
