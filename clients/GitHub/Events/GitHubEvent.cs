namespace Prow.Clients.GitHub.Events;

/// <summary>A webhook event Prow.Orleans handles, typed. Unknown fields are ignored; optional ones may be missing.</summary>
public abstract record GitHubEvent
{
    /// <summary>GitHub's <c>X-GitHub-Event</c> name.</summary>
    public abstract string EventName { get; }

    public Repository Repository { get; set; } = new();

    public User Sender { get; set; } = new();

    /// <summary>Checks the fields without which the event means nothing; null when it is whole.</summary>
    public abstract string? Validate();

    protected string? RequireRepository() =>
        string.IsNullOrEmpty(Repository.FullName) && (string.IsNullOrEmpty(Repository.Name) || string.IsNullOrEmpty(Repository.Owner.Login))
            ? "repository.full_name is missing"
            : null;
}
