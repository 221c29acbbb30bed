namespace Prow.Web;

/// <summary>What the status site is told by its host.</summary>
public sealed record DeckOptions
{
    /// <summary>Checks an admin token (the silo's <c>--admin-token-file</c>); null when none is configured.</summary>
    public Func<string?, bool>? AdminTokenMatches { get; init; }

    /// <summary>GitHub OAuth login; null when not configured (rerun and abort are then disabled).</summary>
    public GitHubOAuthOptions? GitHubOAuth { get; init; }

    /// <summary>
    /// Where the keys that seal login cookies are kept (beside prow's database, so logins survive a restart);
    /// null keeps them in memory.
    /// </summary>
    public string? KeysFolder { get; init; }

    /// <summary>
    /// The site's own address (the first <c>--urls</c>), for GitHub's return address when the OAuth config names no
    /// <c>redirect_url</c>. The request's Host header is never used: anyone can set it.
    /// </summary>
    public Func<Uri> SiteAddress { get; init; } = () => new Uri("http://127.0.0.1:8080/");

    /// <summary>
    /// Whether this browser reached the site over TLS: the request itself, a proxy on this machine saying so in
    /// <c>X-Forwarded-Proto</c>, or a site whose OAuth return address is https. Cookies are then <c>Secure</c>.
    /// </summary>
    public bool IsServedOverHttps(Microsoft.AspNetCore.Http.HttpContext context) =>
        context?.Request.IsHttps == true || GitHubOAuth?.RedirectUrl?.Scheme == Uri.UriSchemeHttps;

    /// <summary>How often the jobs page looks for new jobs.</summary>
    public TimeSpan LiveRefreshPeriod { get; init; } = TimeSpan.FromSeconds(2);
}
