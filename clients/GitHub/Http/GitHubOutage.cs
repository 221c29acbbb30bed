namespace Prow.Clients.GitHub;

/// <summary>
/// Whether GitHub is known to be unreachable. After <see cref="GitHubThrottleOptions.OutageThreshold"/> attempts in a
/// row could not reach any endpoint, calls fail at once instead of each spending its own timeouts and retries; one
/// call every <see cref="GitHubThrottleOptions.OutageProbeInterval"/> still goes out to see whether GitHub is back,
/// and any answer from GitHub (whatever its status) ends the outage.
/// </summary>
internal sealed class GitHubOutage(GitHubThrottleOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _unreachableInARow;
    private DateTimeOffset _nextProbe;

    /// <summary>Null when an attempt may go out; else why it may not.</summary>
    public string? Refusal()
    {
        lock (_lock)
        {
            if (_unreachableInARow < options.OutageThreshold)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (now >= _nextProbe)
            {
                // This attempt is the probe; the others wait for its answer or the next interval.
                _nextProbe = now + options.OutageProbeInterval;
                return null;
            }

            return $"GitHub is unreachable ({_unreachableInARow} attempts in a row failed); calls fail at once until it answers again, next try at {_nextProbe.UtcDateTime:HH:mm:ss} UTC";
        }
    }

    public void Answered()
    {
        lock (_lock)
        {
            _unreachableInARow = 0;
        }
    }

    public void Unreachable()
    {
        lock (_lock)
        {
            if (++_unreachableInARow == options.OutageThreshold)
            {
                _nextProbe = time.GetUtcNow() + options.OutageProbeInterval;
            }
        }
    }
}
