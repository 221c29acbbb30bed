using System.Globalization;
using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;

namespace Prow.Grains.Periodics;

/// <summary>
/// Horologium for one periodic. A durable reminder ticks (every <c>PeriodicTick</c>); each tick asks
/// <see cref="PeriodicDecision"/> whether a slot is due and, if so, creates the run whose id is derived from the
/// slot. The state is written after the run exists, and creating it again is a no-op, so no slot runs twice, across
/// restarts included. A periodic removed from the configuration drops its reminder.
/// </summary>
public sealed class PeriodicJobGrain(
    [PersistentState("periodic")] IPersistentState<PeriodicJobState> state,
    IConfigSource config,
    ProwGrainOptions options,
    TimeProvider time) : Grain, IPeriodicJobGrain
{
    private const string ReminderName = "horologium";

    /// <summary>
    /// Registers the reminder and looks once now: Orleans skips reminder slots missed while the silo was down and
    /// ticks first one period after registration, while horologium runs a missed slot as soon as it starts.
    /// </summary>
    async Task IPeriodicJobGrain.EnsureScheduledAsync()
    {
        await this.RegisterOrUpdateReminder(ReminderName, options.PeriodicTick, options.PeriodicTick);
        this.RegisterGrainTimer(_ => TickAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    Task<PeriodicJobView> IPeriodicJobGrain.GetAsync() => Task.FromResult(new PeriodicJobView(this.GetPrimaryKeyString(), state.State.RunIds, state.State.LastTriggeredAt));

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private async Task TickAsync()
    {
        var snapshot = config.Current;
        var job = snapshot.Jobs.PeriodicNamed(this.GetPrimaryKeyString());
        if (job is null)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var last = state.State.LastJobId is { } lastId ? await GrainFactory.GetGrain<IProwJobGrain>(lastId).GetAsync() : null;
        var now = time.GetUtcNow();
        var completedAt = state.State.LastJobId is null ? null : last?.Status.CompletionTime ?? (last is null ? now : null);
        if (PeriodicDecision.SlotToTrigger(job, state.State.LastTriggeredAt, completedAt, now) is not { } slot)
        {
            return;
        }

        var id = ProwJobIds.For($"periodic@{slot.UtcTicks.ToString(CultureInfo.InvariantCulture)}", job.Name);
        await GrainFactory.GetGrain<IProwJobGrain>(id).CreateAsync(ProwJobFactory.Periodic(snapshot, job, id, now));
        var runs = new List<string>(state.State.RunIds) { id };
        if (runs.Count > PeriodicJobState.RememberedRuns)
        {
            runs.RemoveRange(0, runs.Count - PeriodicJobState.RememberedRuns);
        }

        state.State = new PeriodicJobState { LastTriggeredAt = now, LastJobId = id, RunIds = runs };
        await state.WriteStateAsync();
    }
}
