namespace Prow.Config.Plugins;

/// <summary>A <c>dco</c> entry (keyed by org/repo, org or <c>*</c>): whose commits skip the sign-off check and where the contributing guide is.</summary>
public sealed record DcoConfig
{
    public bool SkipDcoCheckForMembers { get; init; }

    /// <summary>GitHub Apps (without the <c>[bot]</c> suffix) whose commits need no sign-off.</summary>
    public IReadOnlyList<string> TrustedApps { get; init; } = [];

    /// <summary>The org whose members skip the check when skipping is on; the pull request's org when empty.</summary>
    public string? TrustedOrg { get; init; }

    public bool SkipDcoCheckForCollaborators { get; init; }

    public string? ContributingRepo { get; init; }

    public string? ContributingBranch { get; init; }

    public string? ContributingPath { get; init; }

    /// <summary>Where the status and the comment point: CONTRIBUTING.md on master of the repository itself unless configured.</summary>
    public string ContributingUrl(string org, string repo) =>
        $"https://github.com/{(ContributingRepo is { Length: > 0 } r ? r : $"{org}/{repo}")}/blob/{(ContributingBranch is { Length: > 0 } b ? b : "master")}/{(ContributingPath is { Length: > 0 } p ? p : "CONTRIBUTING.md")}";
}
