using Orleans.Runtime;

namespace Orleans;

/// <summary>Orleans' reminder verbs on a grain.</summary>
public static class GrainReminderExtensions
{
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(grain);
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {grain.GrainContext.GrainId} does not implement IRemindable, so it cannot receive reminders.");
        }

        return grain.ReminderRegistry.RegisterOrUpdateReminder(reminderName, dueTime, period);
    }

    public static Task UnregisterReminder(this Grain grain, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.ReminderRegistry.UnregisterReminder(reminder);
    }

    public static Task<IGrainReminder?> GetReminder(this Grain grain, string reminderName)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.ReminderRegistry.GetReminder(reminderName);
    }

    public static Task<IReadOnlyList<IGrainReminder>> GetReminders(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.ReminderRegistry.GetReminders();
    }
}
