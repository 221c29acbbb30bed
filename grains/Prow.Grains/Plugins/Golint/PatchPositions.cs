using System.Globalization;
using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.Golint;

/// <summary>
/// Where the added lines of a file's patch (as GitHub gives it, without the ---/+++ lines) sit in the diff: a line
/// of the new file → its position, the number of lines below the first hunk header, which is where GitHub places a
/// review comment.
/// </summary>
public static partial class PatchPositions
{
    /// <exception cref="FormatException">The patch is not a unified diff.</exception>
    public static IReadOnlyDictionary<int, int> AddedLines(string? patch)
    {
        var result = new Dictionary<int, int>();
        if (string.IsNullOrEmpty(patch))
        {
            return result;
        }

        var lines = patch.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] == @"\ No newline at end of file")
            {
                continue;
            }

            var hunk = Hunk().Match(lines[i]);
            if (!hunk.Success)
            {
                throw new FormatException($"invalid hunk line {i}: {lines[i]}");
            }

            var oldLength = Length(hunk.Groups[2]);
            var newLine = int.Parse(hunk.Groups[3].Value, CultureInfo.InvariantCulture);
            var newLength = Length(hunk.Groups[4]);
            var (oldSeen, newSeen) = (0, 0);
            while (oldSeen < oldLength || newSeen < newLength)
            {
                if (++i >= lines.Length)
                {
                    throw new FormatException("the patch ends inside a hunk");
                }

                switch (lines[i].Length > 0 ? lines[i][0] : ' ')
                {
                    case ' ':
                        oldSeen++;
                        newSeen++;
                        break;
                    case '-':
                        oldSeen++;
                        break;
                    case '+':
                        result[newLine + newSeen] = i;
                        newSeen++;
                        break;
                    case '\\':
                        break;
                    default:
                        throw new FormatException($"bad prefix on line {i}: {lines[i]}");
                }
            }
        }

        return result;
    }

    // A missing length means one line, as in unified diffs.
    private static int Length(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex Hunk();
}
