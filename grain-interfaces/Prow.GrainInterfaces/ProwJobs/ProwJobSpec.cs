using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>What to run: Prow's ProwJobSpec. The pod spec and decoration config are kept as the JSON Prow writes.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJobSpec
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = ProwJobType.Presubmit;

    [JsonPropertyName("agent")]
    public string Agent { get; init; } = "kubernetes";

    [JsonPropertyName("cluster")]
    public string Cluster { get; init; } = "default";

    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }

    [JsonPropertyName("job")]
    public string Job { get; init; } = "";

    [JsonPropertyName("refs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProwJobRefs? Refs { get; init; }

    [JsonPropertyName("extra_refs")]
    public IReadOnlyList<ProwJobRefs> ExtraRefs { get; init; } = [];

    [JsonPropertyName("report")]
    public bool Report { get; init; }

    [JsonPropertyName("context")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Context { get; init; }

    [JsonPropertyName("rerun_command")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RerunCommand { get; init; }

    [JsonPropertyName("max_concurrency")]
    public int MaxConcurrency { get; init; }

    [JsonPropertyName("job_queue_name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? JobQueueName { get; init; }

    [JsonPropertyName("pod_spec")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? PodSpec { get; init; }

    [JsonPropertyName("decoration_config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? DecorationConfig { get; init; }

    [JsonPropertyName("hidden")]
    public bool Hidden { get; init; }

    /// <summary>An evicted pod ends the job as error instead of being created again.</summary>
    [JsonPropertyName("error_on_eviction")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ErrorOnEviction { get; init; }

    /// <summary>Where else the job reports: its <c>reporter_config.slack</c>.</summary>
    [JsonPropertyName("reporter_config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProwJobReporterConfig? ReporterConfig { get; init; }

    /// <summary>The repository this job is about: <see cref="Refs"/>, or for periodics the first extra ref.</summary>
    [JsonIgnore]
    public ProwJobRefs? MainRefs => Refs ?? (ExtraRefs.Count > 0 ? ExtraRefs[0] : null);
}

public static class ProwJobType
{
    public const string Presubmit = "presubmit";
    public const string Postsubmit = "postsubmit";
    public const string Periodic = "periodic";
    public const string Batch = "batch";
}
