namespace Prow.Grains.Plugins.ConfigUpdater;

/// <summary>One changed config file of a merge: its repository path, its config map, the local file it maps to (null: none here), and its new content (null: deleted).</summary>
public sealed record ConfigFileChange(string RepoPath, string ConfigMap, string? LocalPath, string? Content);
