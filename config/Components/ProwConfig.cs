using Prow.Config.Jobs;

namespace Prow.Config.Components;

/// <summary>The controller settings of config.yaml (everything but the jobs).</summary>
public sealed record ProwConfig
{
    public string ProwJobNamespace { get; init; } = "default";
    public string PodNamespace { get; init; } = "default";
    public string LogLevel { get; init; } = "info";
    public TimeSpan DefaultJobTimeout { get; init; } = TimeSpan.FromHours(24);
    public bool DecorateAllJobs { get; init; }
    public PlankConfig Plank { get; init; } = new();
    public SinkerConfig Sinker { get; init; } = new();
    public TideConfig Tide { get; init; } = new();
    public BranchProtectionConfig BranchProtection { get; init; } = new();
    public DeckConfig Deck { get; init; } = new();
    public GitHubReporterConfig GitHubReporter { get; init; } = new();

    /// <summary>"*", org or org/repo → Slack reporting.</summary>
    public IReadOnlyDictionary<string, SlackJobReporter> SlackReporterConfigs { get; init; } = new Dictionary<string, SlackJobReporter>();

    public InRepoConfig InRepoConfig { get; init; } = new();

    public PushGatewayConfig PushGateway { get; init; } = new();

    public OwnersDirDenylist OwnersDirDenylist { get; init; } = new();

    /// <summary>Sections this system does not model (gerrit, horologium, scheduler...), kept raw.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    public SlackJobReporter? SlackReporterFor(string org, string repo) =>
        SlackReporterConfigs.GetValueOrDefault($"{org}/{repo}") ?? SlackReporterConfigs.GetValueOrDefault(org) ??
        SlackReporterConfigs.GetValueOrDefault("*");
}
