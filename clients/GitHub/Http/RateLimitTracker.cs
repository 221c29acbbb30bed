using System.Globalization;
using System.Net.Http.Headers;

namespace Prow.Clients.GitHub;

/// <summary>
/// Rate-limit accounting from X-RateLimit-* headers, shared by every caller of one client (the
/// "one shared token budget" ghproxy gave Prow). Once a resource's remaining budget drops under the
/// reserve, calls are handed evenly spaced slots until the reset, so the budget lasts the hour.
/// </summary>
internal sealed class RateLimitTracker(TimeProvider time, GitHubThrottleOptions options)
{
    private readonly Dictionary<string, State> _resources = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static string ResourceFor(GitHubRoute route) =>
        route.Template.StartsWith("/search/code", StringComparison.Ordinal) ? "code_search"
        : route.Template.StartsWith("/search/", StringComparison.Ordinal) ? "search"
        : route.Template.StartsWith("/graphql", StringComparison.Ordinal) ? "graphql"
        : "core";

    public IReadOnlyList<RateLimitSnapshot> Snapshot()
    {
        lock (_lock)
        {
            return [.. _resources.Select(r => new RateLimitSnapshot(r.Key, r.Value.Limit, r.Value.Remaining, r.Value.Reset))];
        }
    }

    /// <summary>How long the next call on <paramref name="resource"/> should wait; reserves its slot.</summary>
    public TimeSpan ReserveSlot(string resource)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_resources.TryGetValue(resource, out var state) || state.Reset <= now)
            {
                return TimeSpan.Zero;
            }

            TimeSpan delay;
            if (state.Remaining <= 0)
            {
                delay = state.Reset - now;
            }
            else if (state.Remaining < Reserve(state.Limit))
            {
                var interval = (state.Reset - now) / state.Remaining;
                var slot = (state.NextSlot > now ? state.NextSlot : now) + interval;
                state.NextSlot = slot;
                delay = slot - now;
            }
            else
            {
                delay = TimeSpan.Zero;
            }

            // Count the call now so concurrent callers see the budget it will use.
            state.Remaining = Math.Max(0, state.Remaining - 1);
            return delay;
        }
    }

    /// <summary>
    /// The reserve, but never more than a tenth of the limit: search's budget is 30 a minute, and a
    /// 200-call reserve would otherwise throttle every search.
    /// </summary>
    private long Reserve(long limit) => limit > 0 ? Math.Min(options.RateLimitReserve, limit / 10) : options.RateLimitReserve;

    /// <summary>Takes GitHub's view of the budget from a response.</summary>
    public void Update(HttpResponseHeaders headers)
    {
        if (!TryLong(headers, "X-RateLimit-Remaining", out var remaining) ||
            !TryLong(headers, "X-RateLimit-Reset", out var reset))
        {
            return;
        }

        TryLong(headers, "X-RateLimit-Limit", out var limit);
        var resource = headers.TryGetValues("X-RateLimit-Resource", out var values) ? values.First() : "core";
        lock (_lock)
        {
            if (!_resources.TryGetValue(resource, out var state))
            {
                _resources[resource] = state = new State();
            }

            state.Limit = limit;
            state.Remaining = remaining;
            state.Reset = DateTimeOffset.FromUnixTimeSeconds(reset);
        }
    }

    /// <summary>When GitHub says the budget of <paramref name="headers"/>' resource comes back.</summary>
    public static DateTimeOffset? ResetOf(HttpResponseHeaders headers) =>
        TryLong(headers, "X-RateLimit-Reset", out var reset) ? DateTimeOffset.FromUnixTimeSeconds(reset) : null;

    public static bool IsExhausted(HttpResponseHeaders headers) =>
        TryLong(headers, "X-RateLimit-Remaining", out var remaining) && remaining == 0;

    private static bool TryLong(HttpResponseHeaders headers, string name, out long value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values) &&
            long.TryParse(values.First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private sealed class State
    {
        public long Limit { get; set; }
        public long Remaining { get; set; }
        public DateTimeOffset Reset { get; set; }
        public DateTimeOffset NextSlot { get; set; }
    }
}
