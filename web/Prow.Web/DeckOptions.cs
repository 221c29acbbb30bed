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

    /// <summary>How often the jobs page looks for new jobs.</summary>
    public TimeSpan LiveRefreshPeriod { get; init; } = TimeSpan.FromSeconds(2);
}
