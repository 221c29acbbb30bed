namespace Prow.Config.Jobs;

/// <summary>Fields shared by presubmits, postsubmits and periodics (Prow's JobBase + UtilityConfig).</summary>
public abstract record JobBase
{
    public string Name { get; init; } = "";
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>0 means unlimited.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>Defaults to "kubernetes".</summary>
    public string Agent { get; init; } = "";

    /// <summary>Build cluster alias; defaults to "default".</summary>
    public string Cluster { get; init; } = "";

    /// <summary>Pod namespace; defaults to the config's pod_namespace.</summary>
    public string? Namespace { get; init; }

    public bool ErrorOnEviction { get; init; }
    public PodSpec? Spec { get; init; }
    public object? PipelineRunSpec { get; init; }
    public ReporterConfig? ReporterConfig { get; init; }
    public RerunAuthConfig? RerunAuthConfig { get; init; }
    public bool Hidden { get; init; }
    public IReadOnlyDictionary<string, object?>? ProwJobDefaults { get; init; }
    public string? JobQueueName { get; init; }

    /// <summary>As written; after loading, <see cref="Decorated"/> holds the effective value.</summary>
    public bool? Decorate { get; init; }

    /// <summary>Effective decoration after decorate_all_jobs is applied.</summary>
    public bool Decorated { get; init; }

    public string? PathAlias { get; init; }
    public string? CloneUri { get; init; }
    public bool SkipSubmodules { get; init; }
    public int CloneDepth { get; init; }
    public bool SkipFetchHead { get; init; }
    public IReadOnlyList<Refs> ExtraRefs { get; init; } = [];

    /// <summary>After loading, merged with plank's default decoration config when the job is decorated.</summary>
    public DecorationConfig? DecorationConfig { get; init; }

    /// <summary>Fields Prow does not know, kept so nothing written is lost.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    public SourceLocation Source { get; init; } = SourceLocation.None;
}
