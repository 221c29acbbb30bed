namespace Prow.Config.Plugins;

/// <summary>The <c>override</c> section: who may override contexts besides repo admins.</summary>
public sealed record OverrideConfig
{
    public bool AllowTopLevelOwners { get; init; }

    /// <summary>org or org/repo → team slugs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedGitHubTeams { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
