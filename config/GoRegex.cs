using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Prow.Config;

/// <summary>Compiles Go (RE2) regular expressions with .NET, translating the syntax that differs.</summary>
public static class GoRegex
{
    // Configs repeat patterns (branches, change matchers) across thousands of jobs, and every
    // reload compiles them again; constructing a Regex dominates load time without this cache.
    private const int CacheLimit = 20_000;
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string? Error)> s_cache = new(StringComparer.Ordinal);
    private static readonly Regex s_namedGroup = new(@"\(\?P<", RegexOptions.Compiled);

    // RE2's POSIX classes, valid inside brackets ("[[:alpha:]-]"); .NET would read them as plain characters.
    private static readonly Dictionary<string, string> s_posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = @"\x00-\x7F",
        ["blank"] = @"\t ",
        ["cntrl"] = @"\x00-\x1F\x7F",
        ["digit"] = "0-9",
        ["graph"] = @"!-~",
        ["lower"] = "a-z",
        ["print"] = @" -~",
        ["punct"] = @"!-/:-@\[-`{-~",
        ["space"] = @"\t\n\v\f\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    private static readonly Regex s_posixClass = new(@"\[:(\^?)([a-z]+):\]", RegexOptions.Compiled);

    /// <summary>
    /// Go spells named groups <c>(?P&lt;name&gt;...)</c> where .NET spells them <c>(?&lt;name&gt;...)</c>,
    /// and RE2 has POSIX classes such as <c>[[:digit:]]</c> that .NET lacks.
    /// </summary>
    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var p = pattern.Contains("(?P<", StringComparison.Ordinal) ? s_namedGroup.Replace(pattern, "(?<") : pattern;
        return p.Contains("[:", StringComparison.Ordinal)
            ? s_posixClass.Replace(p, m => m.Groups[1].Length == 0 && s_posix.TryGetValue(m.Groups[2].Value, out var set) ? set : m.Value)
            : p;
    }

    public static Regex Compile(string pattern) =>
        TryCompile(pattern, out var regex, out var error) ? regex! : throw new ArgumentException(error, nameof(pattern));

    public static bool TryCompile(string pattern, out Regex? regex, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!s_cache.TryGetValue(pattern, out var entry))
        {
            entry = Build(pattern);
            if (s_cache.Count >= CacheLimit)
            {
                s_cache.Clear();
            }

            s_cache[pattern] = entry;
        }

        (regex, error) = entry;
        return regex is not null;
    }

    private static (Regex?, string?) Build(string pattern)
    {
        try
        {
            return (new Regex(Translate(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), null);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }
    }
}
