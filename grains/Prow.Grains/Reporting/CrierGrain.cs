using Microsoft.Extensions.Logging;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier for one ProwJob. <see cref="ICrierGrain.RecordAsync"/> persists the job's newest state with what it owes
/// and, while anything is owed, a durable reminder; delivery then runs on an interleaving timer, so the ProwJob
/// never waits on GitHub or Slack. A failed report is tried again at every reminder tick (after a restart too)
/// until it is accepted or a newer state supersedes it; when nothing is owed the reminder goes.
/// </summary>
public sealed partial class CrierGrain(
    [PersistentState("crier")] IPersistentState<CrierState> state,
    IEnumerable<IJobReporter> reporters,
    ProwGrainOptions options,
    ILogger<CrierGrain> logger) : Grain, ICrierGrain, IRemindable
{
    private const string ReminderName = "deliver";

    private readonly IJobReporter[] _reporters = [.. reporters];
    private Task _writing = Task.CompletedTask;
    private IGrainTimer? _delivery;
    private bool _delivering;
    private bool _again;
    private bool _reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _reminderRegistered = await this.GetReminder(ReminderName, cancellationToken) is not null;
    }

    async Task ICrierGrain.RecordAsync(ProwJob job)
    {
        var next = CrierLedger.Record(state.State, job);
        if (ReferenceEquals(next, state.State) || CrierLedger.Owed(next, _reporters).Count == 0 && !state.RecordExists)
        {
            return;
        }

        await WriteAsync(() => next);
        await KeepReminderAsync();
        Deliver();
    }

    Task<IReadOnlyList<string>> ICrierGrain.OwedAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. CrierLedger.Owed(state.State, _reporters).Select(r => r.Name)]);

    async Task ICrierGrain.ForgetAsync()
    {
        await OneAtATimeAsync(state.ClearStateAsync);

        await KeepReminderAsync();
        DeactivateOnIdle();
    }

    /// <summary>A tick only starts delivery: the tick's own turn would hold <see cref="ICrierGrain.RecordAsync"/> while GitHub answers.</summary>
    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        Deliver();
        return Task.CompletedTask;
    }

    private void Deliver()
    {
        if (_delivering)
        {
            _again = true;
            return;
        }

        _delivery?.Dispose();
        _delivery = this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        _delivering = true;
        try
        {
            do
            {
                _again = false;
                await DeliverOwedAsync(cancellationToken);
            }
            while (_again);
        }
        finally
        {
            _delivering = false;
        }

        await KeepReminderAsync();
    }

    private async Task DeliverOwedAsync(CancellationToken cancellationToken)
    {
        var owed = CrierLedger.Owed(state.State, _reporters);
        if (owed.Count == 0)
        {
            return;
        }

        var job = state.State.Job!;
        var done = new List<string>();
        var failed = false;
        foreach (var reporter in owed)
        {
            ReportOutcome outcome;
            try
            {
                outcome = await reporter.ReportAsync(job, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome = ReportFailures.Classify(ex);
                LogReportFailed(logger, ex, reporter.Name, job.Id, job.Status.State, outcome);
            }

            if (outcome == ReportOutcome.Retry)
            {
                failed = true;
            }
            else
            {
                done.Add(reporter.Name);
            }
        }

        await WriteAsync(() =>
        {
            var next = state.State;
            foreach (var name in done)
            {
                next = CrierLedger.Done(next, name, job.Status.State);
            }

            return failed ? next with { FailedAttempts = next.FailedAttempts + 1 } : next;
        });
    }

    /// <summary>The reminder is there exactly while something is owed: it is what brings delivery back after a restart.</summary>
    private async Task KeepReminderAsync()
    {
        var owed = CrierLedger.Owed(state.State, _reporters).Count > 0;
        if (owed && !_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.ReportRetry, options.ReportRetry);
            _reminderRegistered = true;
        }
        else if (!owed && _reminderRegistered && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }
    }

    /// <summary>Delivery interleaves with <see cref="ICrierGrain.RecordAsync"/>: their writes go one at a time.</summary>
    private Task WriteAsync(Func<CrierState> change) => OneAtATimeAsync(() =>
    {
        state.State = change();
        return state.WriteStateAsync();
    });

    /// <summary>Turns run one at a time on the grain's scheduler, so checking and setting <see cref="_writing"/> cannot race.</summary>
    private async Task OneAtATimeAsync(Func<Task> write)
    {
        while (!_writing.IsCompleted)
        {
            await _writing;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writing = done.Task;
        try
        {
            await write();
        }
        finally
        {
            done.SetResult();
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Reporter {Reporter} could not report ProwJob {JobId} ({State}): {Outcome}")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string reporter, string jobId, string state, ReportOutcome outcome);
}
