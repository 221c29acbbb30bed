using Prow.Clients.Kubernetes.Models;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>A job this cluster runs: its pod, whether the pod exists yet, and what it last looked like.</summary>
internal sealed class TrackedPod(ProwJob job, Pod pod, BuildRunCallbacks callbacks, string logFile, TimeSpan? decorationTimeout, PodDeadlines deadlines)
{
    public ProwJob Job { get; } = job;

    public Pod Pod { get; } = pod;

    public string Namespace => Pod.Metadata.Namespace!;

    public string Name => Pod.Metadata.Name;

    public BuildRunCallbacks Callbacks { get; } = callbacks;

    public string LogFile { get; } = logFile;

    public TimeSpan? DecorationTimeout { get; } = decorationTimeout;

    /// <summary>When the API server accepted the pod (null until then: it is created again until it is).</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    public Pod? LastSeen { get; set; }

    public PodDeadlines Deadlines { get; } = deadlines;

    /// <summary>How many times the pod was created again after the cluster stopped it (Prow's pod_revival_count, kept in the ProwJob so a restart goes on counting).</summary>
    public int Revivals { get; set; } = job.Status.PodRevivalCount;

    /// <summary>The uids of the pods the cluster stopped: their late events (deletion, status) are not this run's.</summary>
    public HashSet<string> Retired { get; } = new(StringComparer.Ordinal);
}
