namespace Prow.Config.Jobs;

/// <summary>A Kubernetes container: the fields Prow and the build clusters use, the rest raw in <see cref="Extra"/>.</summary>
public sealed record Container
{
    public string Name { get; init; } = "";
    public string Image { get; init; } = "";
    public IReadOnlyList<string> Command { get; init; } = [];
    public IReadOnlyList<string> Args { get; init; } = [];
    public string? WorkingDir { get; init; }
    public IReadOnlyList<EnvVar> Env { get; init; } = [];
    public IReadOnlyList<VolumeMount> VolumeMounts { get; init; } = [];
    public IReadOnlyDictionary<string, object?>? Resources { get; init; }
    public IReadOnlyDictionary<string, object?>? SecurityContext { get; init; }
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
