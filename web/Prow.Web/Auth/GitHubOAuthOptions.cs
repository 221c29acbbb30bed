namespace Prow.Web;

/// <summary>Deck's GitHub OAuth app (Prow's <c>github-oauth-config</c>) and where GitHub's endpoints are.</summary>
public sealed record GitHubOAuthOptions
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>
    /// Prow's <c>redirect_url</c>: where GitHub sends the browser back (this site's <c>/github-login/redirect</c> as the
    /// world reaches it, e.g. <c>https://prow.example.com/github-login/redirect</c> behind a TLS proxy).
    /// </summary>
    public Uri? RedirectUrl { get; init; }

    /// <summary>Where <c>/login/oauth/authorize</c> and <c>/login/oauth/access_token</c> are (tests point it at a fake).</summary>
    public Uri OAuthBaseUrl { get; init; } = new("https://github.com/");

    /// <summary>Where <c>GET /user</c> is asked with the user's token.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.github.com/");
}
