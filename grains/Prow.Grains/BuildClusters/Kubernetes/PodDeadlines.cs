using Prow.Clients.Kubernetes.Models;
using Prow.Config.Components;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>
/// Plank's deadlines for one job's pod: a job's decoration config (its own, or the default_decoration_configs
/// matching its repository and cluster) wins over plank's global pod_pending_timeout, pod_unscheduled_timeout and
/// pod_running_timeout.
/// </summary>
public sealed record PodDeadlines(TimeSpan Pending, TimeSpan Unscheduled, TimeSpan Running)
{
    public static PodDeadlines For(ProwJob job, PlankConfig plank)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(plank);
        var decoration = job.Spec.DecorationConfig;
        return new PodDeadlines(
            LocalJobRequest.Duration(decoration, "pod_pending_timeout") ?? plank.PodPendingTimeout,
            LocalJobRequest.Duration(decoration, "pod_unscheduled_timeout") ?? plank.PodUnscheduledTimeout,
            LocalJobRequest.Duration(decoration, "pod_running_timeout") ?? plank.PodRunningTimeout);
    }

    /// <summary>
    /// The job's end when its pod overstayed a deadline at <paramref name="now"/> (the pod is then deleted), or null.
    /// Unscheduled counts from the pod's creation, pending and running from its start, as Prow counts them.
    /// </summary>
    public BuildRunResult? Overdue(Pod pod, DateTimeOffset createdAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var status = pod.Status ?? new PodStatus();
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return null;
        }

        switch (status.Phase)
        {
            case null or PodStatus.Pending when status.StartTime is null:
                return now - (pod.Metadata.CreationTimestamp ?? createdAt) >= Unscheduled ? Error("Pod scheduling timeout.") : null;
            case null or PodStatus.Pending:
                return now - status.StartTime.Value >= Pending
                    ? Error(PodOutcome.PullFailure(pod) is { } pull ? $"Pod pending timeout. {pull}" : "Pod pending timeout.")
                    : null;
            case PodStatus.Running when status.StartTime is { } started && now - started >= Running:
                return new BuildRunResult(ProwJobState.Aborted, "Pod running timeout.", null, null);
            default:
                return null;
        }
    }

    private static BuildRunResult Error(string description) => new(ProwJobState.Error, description, null, null);
}
