using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "dry-run: not sending {Method} {Path}")]
    public static partial void DryRunWrite(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "GitHub endpoint {Endpoint} failed for {Method} {Path} ({Reason}); trying the next one")]
    public static partial void EndpointFailed(ILogger logger, Uri endpoint, string method, string path, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "GitHub {Method} {Path} answered {Status}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string path, int status, int attempt, TimeSpan delay);

    // Debug, and the reason only: while GitHub is away every call retries, and whoever called reports the final failure once.
    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "GitHub {Method} {Path} could not connect ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void RetryingConnection(ILogger logger, string method, string path, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "GitHub rate limit on {Resource} is low; waiting {Delay} before the next call")]
    public static partial void Throttling(ILogger logger, string resource, TimeSpan delay);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Re-read GitHub token from {Path}")]
    public static partial void TokenReloaded(ILogger logger, string path);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Minted installation token for installation {InstallationId}, expires {ExpiresAt}")]
    public static partial void InstallationTokenMinted(ILogger logger, long installationId, DateTimeOffset expiresAt);
}
