using System.Globalization;
using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.VerifyOwners;

/// <summary>
/// Where the lines a patch adds sit in it (Prow's golint.AddedLines): a review comment is placed by its position in
/// the file's diff, counted from the first hunk header, not by its line in the file.
/// </summary>
public static partial class PatchPositions
{
    [GeneratedRegex(@"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();

    /// <returns>Line number in the new file → position in the patch, for every added line.</returns>
    public static IReadOnlyDictionary<int, int> AddedLines(string? patch)
    {
        var result = new Dictionary<int, int>();
        var lines = (patch ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (HunkHeader().Match(lines[i]) is not { Success: true } hunk)
            {
                continue;
            }

            var oldLength = hunk.Groups[1].Success ? int.Parse(hunk.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
            var newLine = int.Parse(hunk.Groups[2].Value, CultureInfo.InvariantCulture);
            var newLength = hunk.Groups[3].Success ? int.Parse(hunk.Groups[3].Value, CultureInfo.InvariantCulture) : 1;
            var (oldSeen, newSeen) = (0, 0);
            while ((oldSeen < oldLength || newSeen < newLength) && i + 1 < lines.Length)
            {
                var line = lines[++i];
                if (line.StartsWith('\\'))
                {
                    continue; // "\ No newline at end of file"
                }

                switch (line.Length == 0 ? ' ' : line[0])
                {
                    case '+':
                        result[newLine + newSeen] = i;
                        newSeen++;
                        break;
                    case '-':
                        oldSeen++;
                        break;
                    default:
                        oldSeen++;
                        newSeen++;
                        break;
                }
            }
        }

        return result;
    }
}
