using Prow.Clients.GitHub;

namespace Prow.Grains.Plugins.Framework;

/// <summary>The bot's own login (trusted by definition), asked of GitHub once and remembered.</summary>
public sealed class BotIdentity(IUserClient users)
{
    private string? _login;

    public async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        if (_login is { } known)
        {
            return known;
        }

        try
        {
            return _login = (await users.GetAuthenticatedUserAsync(cancellationToken)).Login;
        }
        catch (GitHubApiException)
        {
            // Unknown for now (no token, GitHub down): nobody is mistaken for the bot; asked again next time.
            return "";
        }
    }
}
