using System.Text.RegularExpressions;

namespace Prow.Config;

/// <summary>Compiles Go (RE2) regular expressions with .NET, translating the syntax that differs.</summary>
public static class GoRegex
{
    private static readonly Regex s_namedGroup = new(@"\(\?P<", RegexOptions.Compiled);

    /// <summary>Go spells named groups <c>(?P&lt;name&gt;...)</c>; .NET spells them <c>(?&lt;name&gt;...)</c>.</summary>
    public static string Translate(string pattern) =>
        pattern.Contains("(?P<", StringComparison.Ordinal) ? s_namedGroup.Replace(pattern, "(?<") : pattern;

    public static Regex Compile(string pattern) =>
        new(Translate(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool TryCompile(string pattern, out Regex? regex, out string? error)
    {
        try
        {
            regex = Compile(pattern);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            regex = null;
            error = ex.Message;
            return false;
        }
    }
}
