using System.Globalization;
using Prow.Clients.Kubernetes.Models;
using Prow.Grains.BuildClusters.Local;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>
/// How a pod's state reads as a job's end, from its phase and container states: Succeeded → success; OOMKilled →
/// failure naming it; the wrapper's timeout → aborted; a failed clone or any other failure → failure with the exit
/// code. Null while the pod is still on its way. A pod the cluster stopped (<see cref="UnexpectedStop"/>) is not an
/// end: plank creates it again.
/// </summary>
public static class PodOutcome
{
    private static readonly HashSet<string> s_pullFailures = new(StringComparer.Ordinal) { "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull" };

    public static BuildRunResult? Of(Pod pod, TimeSpan? decorationTimeout, string? logFile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var status = pod.Status ?? new PodStatus();
        if (status.Phase == PodStatus.Succeeded)
        {
            return new BuildRunResult(ProwJobState.Success, "Job succeeded.", 0, logFile);
        }

        if (status.Phase != PodStatus.Failed)
        {
            return null;
        }

        if (status.InitContainerStatuses.FirstOrDefault(s => s.State.Terminated is { ExitCode: not 0 }) is { } init)
        {
            return new BuildRunResult(ProwJobState.Failure, $"Cloning the job's refs failed ({init.Name} exited {Code(init.State.Terminated!.ExitCode)}).", init.State.Terminated.ExitCode, logFile);
        }

        var test = status.ContainerStatuses.Select(s => s.State.Terminated).FirstOrDefault(t => t is not null);
        if (test?.Reason == "OOMKilled")
        {
            return new BuildRunResult(ProwJobState.Failure, $"Job failed: the container was OOMKilled (exit {Code(test.ExitCode)}).", test.ExitCode, logFile);
        }

        if (test?.ExitCode == PodDecoration.TimedOutExitCode && decorationTimeout is { } timeout)
        {
            return new BuildRunResult(ProwJobState.Aborted, $"Job timed out after {DurationText.Format(timeout)}.", test.ExitCode, logFile);
        }

        return new BuildRunResult(ProwJobState.Failure, test is null ? $"Job failed: {status.Message ?? status.Reason ?? "the pod failed"}." : $"Job failed (exit {Code(test.ExitCode)}).", test?.ExitCode, logFile);
    }

    /// <summary>
    /// Why the cluster, not the job, stopped the pod, in Prow's words: <c>evicted</c>, <c>unreachable</c> (its node was
    /// lost and it is being deleted) or <c>unknown</c> (the node stopped reporting); null otherwise.
    /// </summary>
    public static string? UnexpectedStop(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Status switch
        {
            { Reason: "Evicted" } => "evicted",
            { Reason: "NodeLost" } when pod.Metadata.DeletionTimestamp is not null => "unreachable",
            { Phase: PodStatus.Unknown } => "unknown",
            _ => null,
        };
    }

    /// <summary>Why the pod cannot pull its image, or null when it is not stuck pulling.</summary>
    public static string? PullFailure(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Status is { Phase: PodStatus.Pending or null } status
            ? status.InitContainerStatuses.Concat(status.ContainerStatuses)
                .Select(s => s.State.Waiting)
                .FirstOrDefault(w => w?.Reason is { } reason && s_pullFailures.Contains(reason)) is { } waiting
                ? $"{waiting.Reason}: {waiting.Message ?? "no message"}"
                : null
            : null;
    }

    private static string Code(int code) => code.ToString(CultureInfo.InvariantCulture);
}
