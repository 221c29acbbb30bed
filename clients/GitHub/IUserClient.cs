namespace Prow.Clients.GitHub;

public interface IUserClient
{
    /// <summary>The bot's own identity; with App auth, <c>{app-slug}[bot]</c>.</summary>
    Task<User> GetAuthenticatedUserAsync(CancellationToken cancellationToken);
}
