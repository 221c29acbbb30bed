namespace Prow.Clients.GitHub;

/// <summary>GitHub App credentials (<c>--github-app-id</c>, <c>--github-app-private-key-path</c>).</summary>
public sealed class GitHubAppOptions
{
    /// <summary>The App id (or client id); it becomes the JWT's <c>iss</c>.</summary>
    public required string AppId { get; set; }

    /// <summary>Path of the App's RSA private key in PEM form.</summary>
    public required string PrivateKeyPath { get; set; }

    /// <summary>Installation owner used for requests that name no org (for example a search without <c>org:</c>).</summary>
    public string? DefaultOrg { get; set; }

    /// <summary>An installation token is replaced this long before GitHub says it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
