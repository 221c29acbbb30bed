using System.Text.Json.Serialization;

namespace Prow.Clients.Kubernetes.Models;

/// <summary>Where a pod is: its phase, why (Evicted, ...), and each container's state.</summary>
public sealed record PodStatus
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Unknown = "Unknown";

    [JsonPropertyName("phase")]
    public string? Phase { get; init; }

    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonPropertyName("startTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StartTime { get; init; }

    [JsonPropertyName("initContainerStatuses")]
    public IReadOnlyList<ContainerStatus> InitContainerStatuses { get; init; } = [];

    [JsonPropertyName("containerStatuses")]
    public IReadOnlyList<ContainerStatus> ContainerStatuses { get; init; } = [];
}

public sealed record ContainerStatus
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("state")]
    public ContainerState State { get; init; } = new();

    [JsonPropertyName("ready")]
    public bool Ready { get; init; }

    [JsonPropertyName("restartCount")]
    public int RestartCount { get; init; }

    [JsonPropertyName("image")]
    public string Image { get; init; } = "";
}

/// <summary>Exactly one of waiting, running or terminated is set.</summary>
public sealed record ContainerState
{
    [JsonPropertyName("waiting")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerStateWaiting? Waiting { get; init; }

    [JsonPropertyName("running")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerStateRunning? Running { get; init; }

    [JsonPropertyName("terminated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerStateTerminated? Terminated { get; init; }
}

public sealed record ContainerStateWaiting(
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("message")] string? Message);

public sealed record ContainerStateRunning([property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt);

public sealed record ContainerStateTerminated(
    [property: JsonPropertyName("exitCode")] int ExitCode,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("finishedAt")] DateTimeOffset? FinishedAt);
