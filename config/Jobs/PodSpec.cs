namespace Prow.Config.Jobs;

/// <summary>A Kubernetes PodSpec; unmodelled fields (nodeSelector, affinity, serviceAccountName...) stay in <see cref="Extra"/>.</summary>
public sealed record PodSpec
{
    public IReadOnlyList<Container> Containers { get; init; } = [];
    public IReadOnlyList<Container> InitContainers { get; init; } = [];
    public IReadOnlyList<Volume> Volumes { get; init; } = [];
    public IReadOnlyList<object?> Tolerations { get; init; } = [];
    public string? ServiceAccountName { get; init; }
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
