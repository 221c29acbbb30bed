namespace Prow.Clients.GitHub.Events;

/// <summary><c>status</c>: a commit status changed.</summary>
public sealed record StatusEvent : GitHubEvent
{
    public override string EventName => "status";

    public string Sha { get; set; } = "";

    public string Context { get; set; } = "";

    /// <summary>pending, success, failure, error.</summary>
    public string State { get; set; } = "";

    public string? Description { get; set; }

    public string? TargetUrl { get; set; }

    public override string? Validate() =>
        Sha.Length == 0 ? "sha is missing"
        : Context.Length == 0 ? "context is missing"
        : State.Length == 0 ? "state is missing"
        : RequireRepository();
}
