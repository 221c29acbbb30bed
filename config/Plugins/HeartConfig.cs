using System.Text.RegularExpressions;

namespace Prow.Config.Plugins;

/// <summary>
/// The <c>heart</c> section: whose comments get a reaction (<c>adorees</c>) and which of their comments
/// (<c>commentregexp</c>, a Go regular expression; unset, none).
/// </summary>
public sealed record HeartConfig
{
    public IReadOnlyList<string> Adorees { get; init; } = [];

    public string CommentRegexp { get; init; } = "";

    /// <summary><see cref="CommentRegexp"/> compiled; null when it did not compile (an error at load).</summary>
    public Regex? CommentRe { get; init; }
}
