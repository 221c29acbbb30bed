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

    /// <summary>
    /// Delivery interleaves with <see cref="ICrierGrain.RecordAsync"/>, so state writes and reminder changes go
    /// through this one at a time: two turns that both saw "nothing owed" would otherwise both unregister the
    /// reminder, and the second would be refused for the ETag the first changed.
    /// </summary>
    private Task _bookkeeping = Task.CompletedTask;
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

        // Recorded onto the state as it is when the write's turn comes: a delivery may have marked reports done meanwhile.
        await WriteAsync(() => CrierLedger.Record(state.State, job));
        await KeepReminderAsync();
        Deliver();
    }

    Task<IReadOnlyList<string>> ICrierGrain.OwedAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. CrierLedger.Owed(state.State, _reporters).Select(r => r.Name)]);

    async Task ICrierGrain.ForgetAsync()
    {
        await OneAtATimeAsync(async () =>
        {
            await state.ClearStateAsync();
            await KeepReminderUnlockedAsync();
        });
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
        try
        {
            await OneAtATimeAsync(KeepReminderUnlockedAsync);
        }
        catch (ReminderException ex)
        {
            // The reminder service refused for now. What is owed is written, so a delivery timer tries again (and
            // with it the reminder) rather than the job's caller or a timer callback failing.
            LogReminderNotKept(logger, ex, this.GetPrimaryKeyString());
            if (!_delivering)
            {
                _delivery?.Dispose();
                _delivery = this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(options.ReportRetry, Timeout.InfiniteTimeSpan) { Interleave = true });
            }
        }
    }

    private async Task KeepReminderUnlockedAsync()
    {
        var owed = CrierLedger.Owed(state.State, _reporters).Count > 0;
        if (owed && !_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.ReportRetry, options.ReportRetry);
            _reminderRegistered = true;
        }
        else if (!owed && _reminderRegistered)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderRegistered = false;
        }
    }

    private Task WriteAsync(Func<CrierState> change) => OneAtATimeAsync(() =>
    {
        state.State = change();
        return state.WriteStateAsync();
    });

    /// <summary>Turns run one at a time on the grain's scheduler, so checking and setting <see cref="_bookkeeping"/> cannot race.</summary>
    private async Task OneAtATimeAsync(Func<Task> bookkeeping)
    {
        while (!_bookkeeping.IsCompleted)
        {
            await _bookkeeping;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bookkeeping = done.Task;
        try
        {
            await bookkeeping();
        }
        finally
        {
            done.SetResult();
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Reporter {Reporter} could not report ProwJob {JobId} ({State}): {Outcome}")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string reporter, string jobId, string state, ReportOutcome outcome);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Crier for ProwJob {JobId} could not keep its reminder; delivery is tried again on a timer")]
    private static partial void LogReminderNotKept(ILogger logger, Exception exception, string jobId);
}
