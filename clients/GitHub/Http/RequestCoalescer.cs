using System.Collections.Concurrent;

namespace Prow.Clients.GitHub;

/// <summary>
/// Identical GETs in flight at the same moment share one HTTP exchange (ghproxy's coalescing):
/// hook's plugins often ask for the same PR or label list for one event.
/// </summary>
internal sealed class RequestCoalescer
{
    private readonly ConcurrentDictionary<string, Lazy<Task<GitHubResponse>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="send"/> unless an identical exchange is in flight; <paramref name="onJoined"/> runs when one was.</summary>
    public Task<GitHubResponse> RunAsync(string key, Func<Task<GitHubResponse>> send, Action onJoined, CancellationToken cancellationToken)
    {
        var mine = new Lazy<Task<GitHubResponse>>(() => RunAndForgetAsync(key, send), LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = _inFlight.GetOrAdd(key, mine);
        if (!ReferenceEquals(shared, mine))
        {
            onJoined();
        }

        // The shared exchange is not tied to any one caller's token: a caller that gives up
        // stops waiting, the others still get their answer.
        return shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<GitHubResponse> RunAndForgetAsync(string key, Func<Task<GitHubResponse>> send)
    {
        try
        {
            return await send();
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }
}
