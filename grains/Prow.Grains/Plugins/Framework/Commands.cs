using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// How commands are read from a comment, as Prow reads them: one per line, at the start of the line, case-insensitive,
/// and never from a quoted line (<c>&gt; /lgtm</c> quotes someone, it is not a command).
/// </summary>
public static partial class Commands
{
    /// <summary>The comment without quoted lines and with normalised line endings.</summary>
    public static string Unquoted(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Where(line => !line.TrimStart().StartsWith('>')));
    }

    /// <summary>Every match of a command regex in the unquoted comment.</summary>
    public static IReadOnlyList<Match> Find(Regex command, string body)
    {
        ArgumentNullException.ThrowIfNull(command);
        return [.. command.Matches(Unquoted(body)).Cast<Match>()];
    }

    public static bool Has(Regex command, string body) => Find(command, body).Count > 0;
}
