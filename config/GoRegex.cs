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

    /// <summary>Go spells named groups <c>(?P&lt;name&gt;...)</c>; .NET spells them <c>(?&lt;name&gt;...)</c>.</summary>
    public static string Translate(string pattern) =>
        pattern.Contains("(?P<", StringComparison.Ordinal) ? s_namedGroup.Replace(pattern, "(?<") : pattern;

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
