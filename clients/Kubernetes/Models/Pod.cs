using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Prow.Clients.Kubernetes.Models;

/// <summary>A core/v1 Pod. The spec stays JSON: a job's pod spec is passed through as Prow's config wrote it.</summary>
public sealed record Pod
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "v1";

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "Pod";

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; init; } = new();

    [JsonPropertyName("spec")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Spec { get; init; }

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PodStatus? Status { get; init; }
}
