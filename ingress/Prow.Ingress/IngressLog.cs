using Microsoft.Extensions.Logging;

namespace Prow.Ingress;

internal static partial class IngressLog
{
    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Ingress entry {EntryId} ({Kind}) failed on attempt {Attempt}; final: {Final}")]
    public static partial void Failed(ILogger logger, Exception exception, long entryId, string kind, int attempt, bool final);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Replaying {Count} pending ingress entries")]
    public static partial void Replay(ILogger logger, int count);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Took {Count} pending ingress entries whose holder's lease ran out")]
    public static partial void TookExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Ingress entry {EntryId} ({Kind}) could not reach its handler, trying again: {Reason}")]
    public static partial void Transient(ILogger logger, long entryId, string kind, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Ingress is held: inputs are stored but not handled until restart without hold")]
    public static partial void Held(ILogger logger);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Ingress store operation failed")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Ingress entry {EntryId} ({Kind}) names no readable target; it is handled on its own")]
    public static partial void NoTarget(ILogger logger, Exception exception, long entryId, string kind);
}
