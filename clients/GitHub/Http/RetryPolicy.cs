using System.Net;
using System.Text;

namespace Prow.Clients.GitHub;

/// <summary>
/// Decides whether a GitHub answer is worth another attempt and how long to wait first.
/// Retried: 5xx, connection failures, secondary rate limits (403/429 with Retry-After or
/// GitHub's message) and an exhausted primary budget. Every other 4xx is final.
/// </summary>
internal sealed class RetryPolicy(GitHubThrottleOptions options, TimeProvider time)
{
    /// <summary>Exponential backoff with "equal jitter": half fixed, half random, so retries spread out.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = options.InitialBackoff * Math.Pow(2, Math.Min(attempt, 20));
        if (ceiling > options.MaxBackoff)
        {
            ceiling = options.MaxBackoff;
        }

        return (ceiling / 2) + (ceiling / 2 * Random.Shared.NextDouble());
    }

    /// <returns>The wait before the next attempt, or null when the answer is final.</returns>
    public TimeSpan? DelayFor(HttpResponseMessage message, byte[] body, int attempt)
    {
        var status = (int)message.StatusCode;
        var retryAfter = RetryAfter(message);
        if (status >= 500)
        {
            return retryAfter ?? Backoff(attempt);
        }

        if (message.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (retryAfter is not null)
        {
            return retryAfter;
        }

        if (RateLimitTracker.IsExhausted(message.Headers) && RateLimitTracker.ResetOf(message.Headers) is { } reset)
        {
            var untilReset = reset - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return untilReset <= options.MaxThrottleDelay ? Max(untilReset, TimeSpan.Zero) : null;
        }

        if (IsSecondaryRateLimit(body))
        {
            return Max(options.SecondaryRateLimitWait, Backoff(attempt));
        }

        return message.StatusCode == HttpStatusCode.TooManyRequests ? Backoff(attempt) : null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage message)
    {
        var header = message.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static bool IsSecondaryRateLimit(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("abuse detection", StringComparison.OrdinalIgnoreCase);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
