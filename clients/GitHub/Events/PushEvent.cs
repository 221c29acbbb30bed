namespace Prow.Clients.GitHub.Events;

/// <summary><c>push</c>: a branch or tag moved.</summary>
public sealed record PushEvent : GitHubEvent
{
    public override string EventName => "push";

    /// <summary>The full ref, e.g. <c>refs/heads/main</c>.</summary>
    public string Ref { get; set; } = "";

    public string Before { get; set; } = "";

    public string After { get; set; } = "";

    public bool Created { get; set; }

    public bool Deleted { get; set; }

    public bool Forced { get; set; }

    public string? Compare { get; set; }

    public IReadOnlyList<PushCommit> Commits { get; set; } = [];

    public PushCommit? HeadCommit { get; set; }

    public PushPerson? Pusher { get; set; }

    /// <summary>The branch name when <see cref="Ref"/> is a branch; null for tags.</summary>
    public string? Branch => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : null;

    /// <summary>The branch or tag name (<c>refs/heads/</c> or <c>refs/tags/</c> taken off), which Prow's postsubmits match and run on as their base ref.</summary>
    public string RefName => Branch ?? (Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? Ref["refs/tags/".Length..] : Ref);

    public override string? Validate() =>
        Ref.Length == 0 ? "ref is missing"
        : After.Length == 0 ? "after is missing"
        : RequireRepository();
}

public sealed record PushCommit
{
    public string Id { get; set; } = "";

    public string Message { get; set; } = "";

    public IReadOnlyList<string> Added { get; set; } = [];

    public IReadOnlyList<string> Removed { get; set; } = [];

    public IReadOnlyList<string> Modified { get; set; } = [];

    public PushPerson? Author { get; set; }
}

public sealed record PushPerson
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Username { get; set; }
}
