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

    /// <summary>
    /// How long one call may spend on connection failures and 5xx answers before it gives up: a retry that would
    /// start after this is not made, so an unreachable GitHub costs a plugin seconds, not half a minute per call.
    /// </summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Attempts in a row that reach no endpoint before GitHub is taken to be down and calls fail at once.</summary>
    public int OutageThreshold { get; set; } = 3;

    /// <summary>While GitHub is taken to be down, one call this often still goes out to find out whether it is back.</summary>
    public TimeSpan OutageProbeInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>GitHub's advice when a secondary rate limit names no Retry-After: wait at least a minute.</summary>
    public TimeSpan SecondaryRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest single wait for the primary budget; past it the call fails instead of hanging.</summary>
    public TimeSpan MaxThrottleDelay { get; set; } = TimeSpan.FromMinutes(65);
}
