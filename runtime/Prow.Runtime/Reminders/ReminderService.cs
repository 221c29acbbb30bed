using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Prow.Runtime.Reminders;

/// <summary>
/// Keeps every durable reminder armed with an in-memory timer, delivers ticks through the grain (activating it if
/// needed) and records each delivered slot, so a restart delivers a missed slot once and never an old one again.
/// </summary>
public sealed class ReminderService : IAsyncDisposable
{
    private readonly Dictionary<(GrainId, string), ScheduledReminder> _scheduled = [];
    private readonly Lock _lock = new();
    private readonly IReminderTable _table;
    private readonly GrainRuntime _runtime;
    private readonly TimeProvider _time;
    private bool _stopped;

    public ReminderService(IReminderTable table, GrainRuntime runtime, TimeProvider timeProvider)
    {
        _table = table;
        _runtime = runtime;
        _time = timeProvider;
        runtime.Statistics.ReminderSource = Snapshot;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rows = await _table.ReadAllAsync(cancellationToken);
        foreach (var row in rows)
        {
            Schedule(row);
        }

        _runtime.Log.RemindersLoaded(rows.Count);
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _stopped = true;
            foreach (var reminder in _scheduled.Values)
            {
                reminder.Timer.Dispose();
            }

            _scheduled.Clear();
        }

        return ValueTask.CompletedTask;
    }

    internal async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period < _runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Reminder periods must be at least {_runtime.Options.MinimumReminderPeriod}.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time cannot be negative.");
        }

        var entry = new ReminderEntry(grainId, name, _time.GetUtcNow() + dueTime, period, null, null);
        var etag = await _table.UpsertRowAsync(entry, CancellationToken.None);
        Schedule(entry with { ETag = etag });
        return new GrainReminderHandle(name, etag);
    }

    internal async Task UnregisterAsync(GrainId grainId, string name)
    {
        ScheduledReminder? scheduled;
        lock (_lock)
        {
            _scheduled.Remove((grainId, name), out scheduled);
        }

        scheduled?.Timer.Dispose();
        var row = await _table.ReadRowAsync(grainId, name, CancellationToken.None);
        if (row?.ETag is { } etag)
        {
            await _table.RemoveRowAsync(grainId, name, etag, CancellationToken.None);
        }
    }

    internal async Task<IGrainReminder?> GetReminderAsync(GrainId grainId, string name) =>
        await _table.ReadRowAsync(grainId, name, CancellationToken.None) is { } row ? new GrainReminderHandle(row.ReminderName, row.ETag) : null;

    internal async Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync(GrainId grainId) =>
        [.. (await _table.ReadRowsAsync(grainId, CancellationToken.None)).Select(r => new GrainReminderHandle(r.ReminderName, r.ETag))];

    private IReadOnlyList<ReminderSnapshot> Snapshot()
    {
        lock (_lock)
        {
            return [.. _scheduled.Values.Select(s => new ReminderSnapshot(s.Entry.GrainId.ToString(), s.Entry.ReminderName, s.Entry.Period, s.NextDue)).OrderBy(s => s.NextDue)];
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        var scheduled = new ScheduledReminder(entry, ReminderSchedule.NextSlot(entry.StartAt, entry.Period, entry.LastTickAt));
        scheduled.Timer = _time.CreateTimer(static s => { var (service, r) = ((ReminderService, ScheduledReminder))s!; _ = service.FireAsync(r); }, (this, scheduled), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            if (_stopped)
            {
                scheduled.Timer.Dispose();
                return;
            }

            if (_scheduled.Remove((entry.GrainId, entry.ReminderName), out var previous))
            {
                previous.Timer.Dispose();
            }

            _scheduled[(entry.GrainId, entry.ReminderName)] = scheduled;
        }

        Arm(scheduled);
    }

    private void Arm(ScheduledReminder scheduled)
    {
        var delay = scheduled.NextDue - _time.GetUtcNow();
        scheduled.Timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private async Task FireAsync(ScheduledReminder scheduled)
    {
        var entry = scheduled.Entry;
        var slot = ReminderSchedule.LatestSlotAtOrBefore(entry.StartAt, entry.Period, _time.GetUtcNow());
        if (slot < scheduled.NextDue)
        {
            slot = scheduled.NextDue;
        }

        try
        {
            var status = new TickStatus(entry.StartAt.UtcDateTime, entry.Period, slot.UtcDateTime);
            await _runtime.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.ReminderName, status);
        }
        catch (Exception ex)
        {
            _runtime.Log.ReminderFailed(ex, entry.GrainId.ToString(), entry.ReminderName);
        }

        lock (_lock)
        {
            if (_stopped || !_scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var current) || current != scheduled)
            {
                return;
            }
        }

        try
        {
            var ticked = entry with { LastTickAt = slot };
            var etag = await _table.UpsertRowAsync(ticked, CancellationToken.None);
            scheduled.Entry = ticked with { ETag = etag };
        }
        catch (InconsistentStateException)
        {
            // Re-registered while this tick ran: the new registration has its own timer.
            return;
        }
        catch (Exception ex)
        {
            _runtime.Log.ReminderFailed(ex, entry.GrainId.ToString(), entry.ReminderName);
        }

        scheduled.NextDue = ReminderSchedule.NextSlot(entry.StartAt, entry.Period, slot);
        lock (_lock)
        {
            if (!_stopped && _scheduled.TryGetValue((entry.GrainId, entry.ReminderName), out var current) && current == scheduled)
            {
                Arm(scheduled);
            }
        }
    }

    private sealed class ScheduledReminder(ReminderEntry entry, DateTimeOffset nextDue)
    {
        public ReminderEntry Entry { get; set; } = entry;

        public DateTimeOffset NextDue { get; set; } = nextDue;

        public ITimer Timer { get; set; } = null!;
    }
}
