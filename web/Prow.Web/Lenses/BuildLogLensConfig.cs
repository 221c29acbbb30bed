using System.Globalization;
using System.Text.RegularExpressions;

namespace Prow.Web.Lenses;

/// <summary>
/// The buildlog lens's <c>config</c> as Prow reads it: <c>highlight_regexes</c> joined with <c>|</c> (Prow's default
/// pattern when none are given or they do not compile), <c>highlight_line_length_max</c> (10,000 when regexes are
/// given: longer lines are not searched) and <c>hide_raw_log</c>.
/// </summary>
public sealed record BuildLogLensConfig(Regex Highlight, int HighlightLineLengthMax, bool ShowRawLog)
{
    /// <summary>Prow's <c>defaultErrRE</c>: keywords and glog error lines.</summary>
    public const string DefaultPattern = @"timed out|ERROR:|(FAIL|Failure \[)\b|panic\b|^E\d{4} \d\d:\d\d:\d\d\.\d\d\d]";

    private const int DefaultLineLengthMax = 10_000;

    public static BuildLogLensConfig Default { get; } = new(Compile(DefaultPattern)!, int.MaxValue, true);

    /// <summary>The first buildlog entry's config among the lenses, else the defaults.</summary>
    public static BuildLogLensConfig From(IReadOnlyList<LensEntry> lenses)
    {
        ArgumentNullException.ThrowIfNull(lenses);
        if (lenses.FirstOrDefault(l => l.Name == "buildlog") is not { } entry)
        {
            return Default;
        }

        var config = entry.Config;
        var showRaw = !(config.GetValueOrDefault("hide_raw_log") is string hide && bool.TryParse(hide, out var hidden) && hidden);
        var regexes = LensEntry.Strings(config.GetValueOrDefault("highlight_regexes"));
        if (regexes.Count == 0 || Compile(string.Join('|', regexes)) is not { } highlight)
        {
            return Default with { ShowRawLog = showRaw };
        }

        var max = config.GetValueOrDefault("highlight_line_length_max") is string text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured)
            ? configured
            : DefaultLineLengthMax;
        return new BuildLogLensConfig(highlight, max, showRaw);
    }

    /// <summary>Go's RE2 has no backtracking; neither does this, so no pattern can make a line take long.</summary>
    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
