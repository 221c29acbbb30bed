namespace Prow.Config.Plugins;

/// <summary>A <c>triggers</c> entry: trust rules for running tests.</summary>
public sealed record TriggerConfig
{
    public IReadOnlyList<string> Repos { get; init; } = [];
    public IReadOnlyList<string> TrustedApps { get; init; } = [];
    public string? TrustedOrg { get; init; }
    public string? JoinOrgUrl { get; init; }
    public bool OnlyOrgMembers { get; init; }
    public bool IgnoreOkToTest { get; init; }
    public bool ElideSkippedContexts { get; init; }
    public bool TriggerGitHubWorkflows { get; init; }
    public IReadOnlyDictionary<string, object?>? OrgInvite { get; init; }
}
