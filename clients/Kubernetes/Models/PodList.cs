using System.Text.Json.Serialization;

namespace Prow.Clients.Kubernetes.Models;

/// <summary>A list answer: the pods and the resourceVersion to start watching from.</summary>
public sealed record PodList
{
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; init; } = new();

    [JsonPropertyName("items")]
    public IReadOnlyList<Pod> Items { get; init; } = [];
}

public sealed record ListMeta
{
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; init; }
}
