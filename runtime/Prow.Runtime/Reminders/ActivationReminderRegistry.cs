using Orleans.Runtime;
using Orleans.Timers;
using Prow.Runtime.Activation;

namespace Prow.Runtime.Reminders;

/// <summary>One activation's view of the reminder service.</summary>
internal sealed class ActivationReminderRegistry(ReminderService service, GrainId grainId, GrainClassInfo classInfo) : IReminderRegistry
{
    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (!classInfo.Remindable)
        {
            throw new InvalidOperationException($"{classInfo.GrainClass.Name} does not implement IRemindable, so it cannot receive reminders.");
        }

        return service.RegisterOrUpdateAsync(grainId, reminderName, dueTime, period);
    }

    public Task UnregisterReminder(IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return service.UnregisterAsync(grainId, reminder.ReminderName);
    }

    public Task<IGrainReminder?> GetReminder(string reminderName) => service.GetReminderAsync(grainId, reminderName);

    public Task<IReadOnlyList<IGrainReminder>> GetReminders() => service.GetRemindersAsync(grainId);
}
