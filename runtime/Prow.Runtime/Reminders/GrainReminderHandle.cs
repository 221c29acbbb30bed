using Orleans.Runtime;

namespace Prow.Runtime.Reminders;

internal sealed record GrainReminderHandle(string ReminderName, string? ETag) : IGrainReminder;
