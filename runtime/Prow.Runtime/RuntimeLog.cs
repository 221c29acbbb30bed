using Microsoft.Extensions.Logging;

namespace Prow.Runtime;

internal sealed partial class RuntimeLog(ILogger logger)
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Activation of {GrainId} failed")]
    public partial void ActivationFailed(Exception exception, string grainId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed")]
    public partial void DeactivationFailed(Exception exception, string grainId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Timer tick on {GrainId} failed")]
    public partial void TimerFailed(Exception exception, string grainId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Reminder {ReminderName} on {GrainId} failed")]
    public partial void ReminderFailed(Exception exception, string grainId, string reminderName);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Ingress entry {EntryId} ({Kind}) failed on attempt {Attempt}; final: {Final}")]
    public partial void IngressFailed(Exception exception, long entryId, string kind, int attempt, bool final);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Replaying {Count} pending ingress entries")]
    public partial void IngressReplay(int count);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Ingress is held: inputs are stored but not handled until restart without hold")]
    public partial void IngressHeld();

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Ingress store operation failed")]
    public partial void IngressStoreFailed(Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Loaded {Count} reminders")]
    public partial void RemindersLoaded(int count);

    private readonly ILogger _logger = logger;
}
