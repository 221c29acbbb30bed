using System.Globalization;
using Orleans;
using Orleans.Runtime;

namespace Prow.Runtime.Tests;

public interface IReminderTestGrain : IGrainWithStringKey, IRemindable
{
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();

    Task<int> CountRemindersAsync();
}

internal sealed class ReminderTestGrain(TestProbe probe) : Grain, IReminderTestGrain
{
    Task IReminderTestGrain.StartAsync(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder("tick", dueTime, period);

    async Task IReminderTestGrain.StopAsync()
    {
        if (await this.GetReminder("tick") is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    async Task<int> IReminderTestGrain.CountRemindersAsync() => (await this.GetReminders()).Count;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"tick:{this.GetPrimaryKeyString()}");
        probe.Record($"slot:{this.GetPrimaryKeyString()}:{status.CurrentTickTime.Ticks.ToString(CultureInfo.InvariantCulture)}");
        return Task.CompletedTask;
    }
}
