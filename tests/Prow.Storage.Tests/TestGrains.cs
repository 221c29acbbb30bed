using System.Collections.Concurrent;
using System.Text.Json;

namespace Prow.Storage.Tests;

public interface IStateTestGrain : IGrainWithStringKey
{
    Task SetAsync(string name, SampleKind kind, string specJson);

    Task<string> GetNameAsync();

    Task<SampleKind> GetKindAsync();

    Task<string> GetSpecJsonAsync();

    Task<bool> RecordExistsAsync();

    Task ClearAsync();
}

/// <summary>Orleans names this grain type <c>statetest</c> (class name less "Grain", lower case), as it names ProwJobGrain <c>prowjob</c>.</summary>
public sealed class StateTestGrain([PersistentState("state")] IPersistentState<SampleState> state) : Grain, IStateTestGrain
{
    public Task SetAsync(string name, SampleKind kind, string specJson)
    {
        state.State = state.State with { Name = name, Kind = kind, Spec = SampleState.Json(specJson) };
        return state.WriteStateAsync();
    }

    public Task<string> GetNameAsync() => Task.FromResult(state.State.Name);

    public Task<SampleKind> GetKindAsync() => Task.FromResult(state.State.Kind);

    public Task<string> GetSpecJsonAsync() => Task.FromResult(state.State.Spec.ValueKind == JsonValueKind.Undefined ? "" : state.State.Spec.GetRawText());

    public Task<bool> RecordExistsAsync() => Task.FromResult(state.RecordExists);

    public Task ClearAsync() => state.ClearStateAsync();
}

public interface IReminderTestGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();
}

/// <summary>Records every reminder tick in the silo's <see cref="TickProbe"/> as "reminder:key".</summary>
public sealed class ReminderTestGrain(TickProbe probe) : Grain, IReminderTestGrain, IRemindable
{
    public Task StartAsync(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder("tick", dueTime, period);

    public async Task StopAsync()
    {
        if (await this.GetReminder("tick") is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"{reminderName}:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }
}

/// <summary>Counts what test grains report, per silo.</summary>
public sealed class TickProbe
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Record(string what) => _counts.AddOrUpdate(what, 1, (_, count) => count + 1);

    public int Count(string what) => _counts.TryGetValue(what, out var count) ? count : 0;
}
