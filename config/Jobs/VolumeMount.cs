namespace Prow.Config.Jobs;

/// <summary>A container volume mount; fields not modelled are kept in <see cref="Extra"/>.</summary>
public sealed record VolumeMount(string Name, string MountPath, bool ReadOnly, string? SubPath,
    IReadOnlyDictionary<string, object?> Extra);
