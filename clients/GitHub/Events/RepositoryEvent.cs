namespace Prow.Clients.GitHub.Events;

/// <summary><c>repository</c>: created, deleted, archived, renamed, transferred, ...</summary>
public sealed record RepositoryEvent : GitHubEvent
{
    public override string EventName => "repository";

    public string Action { get; set; } = "";

    public override string? Validate() => Action.Length == 0 ? "action is missing" : RequireRepository();
}
