namespace Prow.Config.Jobs;

/// <summary>Env, volumes, mounts and tolerations added to every job whose labels include all of <see cref="Labels"/>.</summary>
public sealed record Preset
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<EnvVar> Env { get; init; } = [];
    public IReadOnlyList<Volume> Volumes { get; init; } = [];
    public IReadOnlyList<VolumeMount> VolumeMounts { get; init; } = [];
    public IReadOnlyList<object?> Tolerations { get; init; } = [];
    public SourceLocation Source { get; init; } = SourceLocation.None;

    public bool AppliesTo(IReadOnlyDictionary<string, string> jobLabels) =>
        Labels.All(l => jobLabels.TryGetValue(l.Key, out var v) && v == l.Value);
}
