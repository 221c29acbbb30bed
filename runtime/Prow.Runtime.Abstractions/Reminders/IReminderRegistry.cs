namespace Orleans.Timers;

using Orleans.Runtime;

/// <summary>The reminder operations of one activation.</summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders();
}
