using System.Text.RegularExpressions;

namespace Prow.Config.Components;

/// <summary>
/// config.yaml's <c>owners_dir_denylist</c>: directories (regular expressions over the path from the repository root)
/// whose OWNERS files are ignored, with everything below them. Prow always adds <c>\.git$</c>, <c>_output$</c> and
/// <c>vendor/.*/.*</c> unless <c>ignore_preconfigured_defaults</c> is set.
/// </summary>
public sealed record OwnersDirDenylist
{
    public static IReadOnlyList<string> PreconfiguredDefaults { get; } = [@"\.git$", "_output$", "vendor/.*/.*"];

    private static readonly IReadOnlyList<Regex> s_preconfigured = [.. PreconfiguredDefaults.Select(p => GoRegex.Compile(p))];

    /// <summary>For every repository.</summary>
    public IReadOnlyList<Regex> Default { get; init; } = [];

    /// <summary>org or org/repo → more patterns for it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Regex>> Repos { get; init; } = new Dictionary<string, IReadOnlyList<Regex>>();

    public bool IgnorePreconfiguredDefaults { get; init; }

    /// <summary>The patterns that apply to a repository, as Prow's ListIgnoredDirs gathers them.</summary>
    public IReadOnlyList<Regex> For(string org, string repo) =>
    [
        .. Default,
        .. Repos.GetValueOrDefault(org) ?? [],
        .. Repos.GetValueOrDefault($"{org}/{repo}") ?? [],
        .. IgnorePreconfiguredDefaults ? [] : s_preconfigured,
    ];
}
