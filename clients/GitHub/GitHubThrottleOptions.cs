namespace Prow.Clients.GitHub;

/// <summary>Retry and rate-limit behaviour: what ghproxy and Prow's client did between them.</summary>
public sealed class GitHubThrottleOptions
{
    /// <summary>
    /// When a resource's remaining budget falls under this, calls are spread evenly until the reset
    /// instead of spending the rest at once and then stalling every component for the hour.
    /// Capped at a tenth of the resource's limit, so small budgets (search: 30/min) are not always throttled.
    /// </summary>
    public int RateLimitReserve { get; set; } = 200;

    /// <summary>Retries after the first attempt, on 5xx, connection errors and rate limits.</summary>
    public int MaxRetries { get; set; } = 5;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>GitHub's advice when a secondary rate limit names no Retry-After: wait at least a minute.</summary>
    public TimeSpan SecondaryRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest single wait for the primary budget; past it the call fails instead of hanging.</summary>
    public TimeSpan MaxThrottleDelay { get; set; } = TimeSpan.FromMinutes(65);
}
