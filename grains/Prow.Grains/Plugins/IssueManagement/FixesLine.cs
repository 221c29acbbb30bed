using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.IssueManagement;

/// <summary>The <c>Fixes #1 org/repo#2</c> line of a pull request description, edited as a set.</summary>
internal static partial class FixesLine
{
    [GeneratedRegex(@"(?i)^fixes\s+(.*)$")]
    private static partial Regex Line();

    /// <summary>
    /// The description with the first Fixes line holding its issues minus <paramref name="remove"/> plus
    /// <paramref name="add"/>, sorted; appended after a blank line if there was none, dropped when it would be empty.
    /// </summary>
    public static string Update(string body, IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = body.Split('\n').ToList();
        var index = lines.FindIndex(l => Line().IsMatch(l));
        var issues = new SortedSet<string>(StringComparer.Ordinal);
        if (index >= 0)
        {
            issues.UnionWith(Line().Match(lines[index]).Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        issues.ExceptWith(remove);
        issues.UnionWith(add);
        if (issues.Count == 0)
        {
            if (index >= 0)
            {
                lines.RemoveAt(index);
            }

            return string.Join('\n', lines);
        }

        var fixes = "Fixes " + string.Join(' ', issues);
        if (index >= 0)
        {
            lines[index] = fixes;
        }
        else
        {
            if (lines[^1].Length > 0)
            {
                lines.Add("");
            }

            lines.Add(fixes);
        }

        return string.Join('\n', lines);
    }
}
