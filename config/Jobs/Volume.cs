namespace Prow.Config.Jobs;

/// <summary>A pod volume: its name plus the raw source (secret, configMap, emptyDir, hostPath...).</summary>
public sealed record Volume(string Name, IReadOnlyDictionary<string, object?> Source);
