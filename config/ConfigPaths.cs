namespace Prow.Config;

/// <summary>The three inputs: config.yaml, the job config folder (or file), and plugins.yaml. Any may be null.</summary>
public sealed record ConfigPaths(string? ConfigPath, string? JobConfigPath = null, string? PluginConfigPath = null);
