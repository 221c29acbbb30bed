using Prow.Config.Jobs;

namespace Prow.Config.Components;

/// <summary>The <c>plank</c> section: job URLs, decoration defaults, concurrency and pod timeouts.</summary>
public sealed record PlankConfig
{
    public IReadOnlyDictionary<string, string> JobUrlPrefixConfig { get; init; } = new Dictionary<string, string>();
    public string? JobUrlTemplate { get; init; }
    public IReadOnlyDictionary<string, string> ReportTemplates { get; init; } = new Dictionary<string, string>();

    /// <summary>In order; later matching entries override earlier ones field by field.</summary>
    public IReadOnlyList<DecorationConfigEntry> DefaultDecorationConfigs { get; init; } = [];

    /// <summary>0 means unlimited.</summary>
    public int MaxConcurrency { get; init; }
    public int MaxGoroutines { get; init; } = 20;
    public TimeSpan PodPendingTimeout { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan PodRunningTimeout { get; init; } = TimeSpan.FromHours(48);
    public TimeSpan PodUnscheduledTimeout { get; init; } = TimeSpan.FromHours(24);
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
