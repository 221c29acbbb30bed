namespace Prow.Clients.GitHub;

/// <summary>Settings for <see cref="GitHubClient"/>; the host binds them from Prow's flags.</summary>
public sealed class GitHubClientOptions
{
    public const string DefaultEndpoint = "https://api.github.com";

    /// <summary>
    /// <c>--github-endpoint</c>, in order of preference. A request goes to the first; on a connection
    /// failure or a 5xx it falls back to the next (Prow points at ghproxy first, api.github.com second).
    /// </summary>
    public IList<Uri> Endpoints { get; } = [];

    /// <summary>How long an endpoint that could not be reached is skipped before it is tried again.</summary>
    public TimeSpan EndpointRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--github-token-path</c>: a file holding a token; re-read whenever it changes.</summary>
    public string? TokenPath { get; set; }

    /// <summary>A literal token, for tools and tests; <see cref="TokenPath"/> wins when both are set.</summary>
    public string? Token { get; set; }

    /// <summary>GitHub App authentication; when set it replaces the token.</summary>
    public GitHubAppOptions? App { get; set; }

    /// <summary><c>--dry-run</c>: reads go out, writes are logged and answered locally.</summary>
    public bool DryRun { get; set; }

    public string UserAgent { get; set; } = "prow-orleans";

    /// <summary>Page size asked of list endpoints (GitHub caps it at 100).</summary>
    public int PerPage { get; set; } = 100;

    /// <summary>Per-attempt HTTP timeout (ghproxy's <c>--request-timeout</c> is 30 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public GitHubThrottleOptions Throttle { get; set; } = new();

    /// <summary>Memory for GET responses kept for conditional requests (ghproxy kept gigabytes on disk).</summary>
    public long MaxCacheBytes { get; set; } = 256L * 1024 * 1024;

    internal IReadOnlyList<Uri> EffectiveEndpoints() =>
        Endpoints.Count == 0 ? [new Uri(DefaultEndpoint)] : [.. Endpoints];
}
