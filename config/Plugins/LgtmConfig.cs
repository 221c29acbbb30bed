namespace Prow.Config.Plugins;

/// <summary>An <c>lgtm</c> entry for some orgs or repos.</summary>
public sealed record LgtmConfig
{
    public IReadOnlyList<string> Repos { get; init; } = [];
    public bool ReviewActsAsLgtm { get; init; }
    public bool StoreTreeHash { get; init; }
    public string? TrustedTeamForStickyLgtm { get; init; }
}
