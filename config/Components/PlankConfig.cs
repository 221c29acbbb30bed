using Prow.Config.Jobs;

namespace Prow.Config.Components;

/// <summary>The <c>plank</c> section: job URLs, decoration defaults, concurrency and pod timeouts.</summary>
public sealed record PlankConfig
{
    public static readonly TimeSpan DefaultPodPendingTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultPodRunningTimeout = TimeSpan.FromHours(48);
    public static readonly TimeSpan DefaultPodUnscheduledTimeout = TimeSpan.FromMinutes(5);
    public const int DefaultMaxRevivals = 3;

    public IReadOnlyDictionary<string, string> JobUrlPrefixConfig { get; init; } = new Dictionary<string, string>();
    public string? JobUrlTemplate { get; init; }
    public IReadOnlyDictionary<string, string> ReportTemplates { get; init; } = new Dictionary<string, string>();

    /// <summary>In order; later matching entries override earlier ones field by field.</summary>
    public IReadOnlyList<DecorationConfigEntry> DefaultDecorationConfigs { get; init; } = [];

    /// <summary>0 means unlimited.</summary>
    public int MaxConcurrency { get; init; }
    public int MaxGoroutines { get; init; } = 20;

    /// <summary>A scheduled pod that has not started running by then ends its job as error (Prow's default: 10m).</summary>
    public TimeSpan PodPendingTimeout { get; init; } = DefaultPodPendingTimeout;

    /// <summary>A running pod older than this is deleted and its job aborted (Prow's default: 48h).</summary>
    public TimeSpan PodRunningTimeout { get; init; } = DefaultPodRunningTimeout;

    /// <summary>A pod no node took by then ends its job as error (Prow's default: 5m).</summary>
    public TimeSpan PodUnscheduledTimeout { get; init; } = DefaultPodUnscheduledTimeout;

    /// <summary>How many times a pod stopped by the cluster (evicted, node lost) is created again before the job errors; Prow's default 3.</summary>
    public int MaxRevivals { get; init; } = DefaultMaxRevivals;
    public IReadOnlyDictionary<string, int> JobQueueCapacities { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>The merged default decoration config for a job of <paramref name="orgRepo"/> on <paramref name="cluster"/>.</summary>
    public DecorationConfig? DecorationDefaultsFor(string orgRepo, string cluster)
    {
        DecorationConfig? merged = null;
        foreach (var entry in DefaultDecorationConfigs)
        {
            if (entry.Matches(orgRepo, cluster))
            {
                merged = merged is null ? entry.Config : entry.Config.ApplyDefault(merged);
            }
        }

        return merged;
    }

    /// <summary>Job URL prefix for org/repo, falling back to org then "*".</summary>
    public string? JobUrlPrefixFor(string org, string repo) =>
        JobUrlPrefixConfig.GetValueOrDefault($"{org}/{repo}") ?? JobUrlPrefixConfig.GetValueOrDefault(org) ??
        JobUrlPrefixConfig.GetValueOrDefault("*");
}
