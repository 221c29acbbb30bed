using System.Text.Json.Serialization;
using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>Where a job is: Prow's ProwJobStatus (its JSON mixes camelCase times and snake_case ids, as Prow's does).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJobStatus
{
    [JsonPropertyName("startTime")]
    public DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("pendingTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PendingTime { get; init; }

    [JsonPropertyName("completionTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CompletionTime { get; init; }

    [JsonPropertyName("state")]
    public string State { get; init; } = ProwJobState.Triggered;

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    [JsonPropertyName("pod_name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PodName { get; init; }

    [JsonPropertyName("build_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BuildId { get; init; }

    /// <summary>How many times the job's pod was created again after its cluster stopped it (evicted, node lost); plank's max_revivals bounds it.</summary>
    [JsonPropertyName("pod_revival_count")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int PodRevivalCount { get; init; }

    /// <summary>Per reporter, the last state it reported: nothing is reported twice.</summary>
    [JsonPropertyName("prev_report_states")]
    public IReadOnlyDictionary<string, string> PrevReportStates { get; init; } = new Dictionary<string, string>();

    [JsonIgnore]
    public bool Complete => CompletionTime is not null;
}

/// <summary>Prow's closed set of job states.</summary>
public static class ProwJobState
{
    public const string Triggered = "triggered";
    public const string Pending = "pending";
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Aborted = "aborted";
    public const string Error = "error";

    public static bool IsFinal(string state) => state is Success or Failure or Aborted or Error;
}
