namespace Prow.Config.Plugins;

/// <summary>A <c>blockades</c> entry: files a pull request may not change in some repos (and, with a branch regexp, on some branches).</summary>
public sealed record BlockadeConfig
{
    /// <summary>org or org/repo.</summary>
    public IReadOnlyList<string> Repos { get; init; } = [];

    /// <summary>The base branches the blockade applies to; all when null.</summary>
    public string? BranchRegexp { get; init; }

    public IReadOnlyList<string> BlockRegexps { get; init; } = [];

    public IReadOnlyList<string> ExceptionRegexps { get; init; } = [];

    public string? Explanation { get; init; }
}
