using Prow.Config.Jobs;

namespace Prow.Config.Components;

/// <summary>The <c>deck</c> section: spyglass, tide polling and who may rerun jobs.</summary>
public sealed record DeckConfig
{
    public SpyglassConfig Spyglass { get; init; } = new();
    public TimeSpan TideUpdatePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Keyed by "*", org or org/repo.</summary>
    public IReadOnlyDictionary<string, RerunAuthConfig> RerunAuthConfigs { get; init; } = new Dictionary<string, RerunAuthConfig>();

    /// <summary>default_rerun_auth_configs: later matching entries win.</summary>
    public IReadOnlyList<RerunAuthConfigEntry> DefaultRerunAuthConfigs { get; init; } = [];

    public IReadOnlyList<string> HiddenRepos { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>The narrowest rerun_auth_configs key, else the last matching default entry.</summary>
    public RerunAuthConfig? RerunAuthConfigFor(string org, string repo, string cluster = "default") =>
        RerunAuthConfigs.GetValueOrDefault($"{org}/{repo}") ?? RerunAuthConfigs.GetValueOrDefault(org) ??
        RerunAuthConfigs.GetValueOrDefault("*") ??
        DefaultRerunAuthConfigs.LastOrDefault(e => e.Matches($"{org}/{repo}", cluster))?.Config;
}
