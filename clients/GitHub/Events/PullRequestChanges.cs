namespace Prow.Clients.GitHub.Events;

/// <summary>
/// What an <c>edited</c> pull request event says changed: the earlier title, body, or base branch (a base change
/// carries the old ref and SHA; trigger retests, cherry-pick-unapproved relabels).
/// </summary>
public sealed record PullRequestChanges
{
    public ChangedValue? Title { get; set; }

    public ChangedValue? Body { get; set; }

    public BaseChange? Base { get; set; }

    /// <summary>True when the base branch or its SHA changed.</summary>
    public bool BaseChanged => !string.IsNullOrEmpty(Base?.Ref?.From) || !string.IsNullOrEmpty(Base?.Sha?.From);

    public sealed record ChangedValue
    {
        public string? From { get; set; }
    }

    public sealed record BaseChange
    {
        public ChangedValue? Ref { get; set; }

        public ChangedValue? Sha { get; set; }
    }
}
