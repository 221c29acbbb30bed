using Orleans.Runtime;

namespace Orleans;

/// <summary>A grain that receives durable reminders. Reminders survive restarts and activate the grain to deliver a tick.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
