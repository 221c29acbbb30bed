using Orleans;
using Orleans.Runtime;
using Prow.Ingress;
using Prow.Services.Admin;

namespace Prow.Silo.Admin;

/// <summary>The admin page's numbers: activations from Orleans' management grain, the inbox's own counters, the reminder table.</summary>
internal sealed class SiloStatistics(IGrainFactory grains, IngressMetrics ingress, IIngressStore inbox, IReminderTable reminders) : ISiloStatistics
{
    public async Task<SiloStatisticsSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics(cancellationToken);
        var prow = statistics.Where(s => s.GrainType.StartsWith("Prow.", StringComparison.Ordinal)).ToList();
        var counts = await inbox.CountAsync(cancellationToken);
        var flow = ingress.Snapshot();
        // (0, 0] wraps around the whole ring: every reminder.
        var table = await reminders.ReadRows(0, 0, cancellationToken);
        return new SiloStatisticsSnapshot(
            [.. statistics.GroupBy(s => s.SiloAddress.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SiloActivations(g.Key, g.Sum(s => s.ActivationCount)))],
            [.. prow.GroupBy(s => GrainTypeName(s.GrainType)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GrainTypeActivations(g.Key, g.Sum(s => s.ActivationCount)))],
            new InboxCounts(flow.Accepted, flow.Duplicates, flow.Handled, flow.Failures, flow.InFlight, counts.Pending, counts.Failed),
            [.. table.Reminders.Select(r => new ReminderRow(r.GrainId.ToString(), r.ReminderName, r.Period, new DateTimeOffset(DateTime.SpecifyKind(r.StartAt, DateTimeKind.Utc))))]);
    }

    /// <summary><c>Prow.Grains.ProwJobs.ProwJobGrain,Prow.Grains</c> is stored (and looked up on this page) as <c>prowjob</c>.</summary>
    private static string GrainTypeName(string className)
    {
        var type = className.Split(',')[0];
        var name = type[(type.LastIndexOf('.') + 1)..];
        return (name.EndsWith("Grain", StringComparison.Ordinal) ? name[..^"Grain".Length] : name).ToLowerInvariant();
    }
}
