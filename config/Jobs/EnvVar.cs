namespace Prow.Config.Jobs;

/// <summary>A container environment variable; <see cref="ValueFrom"/> stays raw (secretKeyRef, fieldRef...).</summary>
public sealed record EnvVar(string Name, string? Value, IReadOnlyDictionary<string, object?>? ValueFrom);
