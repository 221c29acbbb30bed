namespace Prow.Services.Admin;

/// <summary>What the admin page shows beside Orleans' dashboard: activations per grain type, the inbox, reminders.</summary>
public interface ISiloStatistics
{
    Task<SiloStatisticsSnapshot> SnapshotAsync(CancellationToken cancellationToken);
}

public sealed record SiloStatisticsSnapshot(
    IReadOnlyList<SiloActivations> Silos,
    IReadOnlyList<GrainTypeActivations> GrainTypes,
    InboxCounts Inbox,
    IReadOnlyList<ReminderRow> Reminders);

public sealed record SiloActivations(string Silo, int Activations);

public sealed record GrainTypeActivations(string GrainType, int Activations);

/// <param name="Pending">Stored and not yet handled (replayed after a restart).</param>
/// <param name="Parked">Failed too often and set aside.</param>
public sealed record InboxCounts(long Accepted, long Duplicates, long Handled, long Failures, long InFlight, long Pending, long Parked);

public sealed record ReminderRow(string GrainId, string ReminderName, TimeSpan Period, DateTimeOffset StartAt);
