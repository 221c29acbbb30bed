using System.Text.Json.Serialization;
using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>
/// Prow's ProwJob (<c>prow.k8s.io/v1</c>), field for field in Prow's JSON names, so Prow's own tools
/// (deck, mkpj, crier readers) can read what this system writes.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJob
{
    public const string ApiVersionV1 = "prow.k8s.io/v1";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = ApiVersionV1;

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "ProwJob";

    [JsonPropertyName("metadata")]
    public ProwJobMetadata Metadata { get; init; } = new();

    [JsonPropertyName("spec")]
    public ProwJobSpec Spec { get; init; } = new();

    [JsonPropertyName("status")]
    public ProwJobStatus Status { get; init; } = new();

    [JsonIgnore]
    public string Id => Metadata.Name;
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJobMetadata
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("namespace")]
    public string Namespace { get; init; } = "default";

    [JsonPropertyName("creationTimestamp")]
    public DateTimeOffset CreationTimestamp { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
