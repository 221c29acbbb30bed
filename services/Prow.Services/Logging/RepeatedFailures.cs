using System.Net.Sockets;
using Prow.Clients.GitHub;

namespace Prow.Services.Logging;

/// <summary>
/// Keeps the log quiet while something outside prow (GitHub, the network) is away: such a failure is written as one
/// line with its cause, without a stack trace, and the same failure from the same place at most once per
/// <see cref="Window"/>, with how many were held back since. A failure that is not an outage is a bug and is not
/// handled here: its caller logs it in full.
/// </summary>
public sealed class RepeatedFailures(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, (DateTimeOffset WrittenAt, int Held)> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>One line saying why GitHub could not be used, or null when <paramref name="exception"/> is no outage.</summary>
    public static string? OutageCause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case GitHubApiException { StatusCode: null } api:
                    return $"GitHub did not answer {api.Method} {api.Path}: {Innermost(api).Message}";
                case GitHubApiException { StatusCode: { } status } api when (int)status >= 500 || (int)status == 429
                    || ((int)status == 403 && api.GitHubMessage?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) == true):
                    return api.Message;
                case HttpRequestException or SocketException or TimeoutException:
                    return Innermost(e).Message;
                case TaskCanceledException:
                    return "a call to GitHub timed out";
            }
        }

        return null;
    }

    /// <summary>
    /// True when the failure <paramref name="key"/> is to be written now; <paramref name="held"/> is how many were
    /// held back since it was last written.
    /// </summary>
    public bool ShouldWrite(string key, out int held)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_last.TryGetValue(key, out var last) && now - last.WrittenAt < Window)
            {
                _last[key] = last with { Held = last.Held + 1 };
                held = 0;
                return false;
            }

            held = last.Held;
            _last[key] = (now, 0);
            return true;
        }
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
