namespace Orleans.Runtime;

public interface IGrainReminder
{
    string ReminderName { get; }
}
