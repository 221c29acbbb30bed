using System.Text;
using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// A repository path pattern (config_updater map keys, .gitattributes): a plain path, or a glob where <c>*</c> and
/// <c>?</c> stay within a folder and <c>**</c> crosses folders.
/// </summary>
public static class PathGlob
{
    public static bool Matches(string glob, string path)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(path);
        if (glob.IndexOfAny(['*', '?', '[']) < 0)
        {
            return glob == path;
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" also matches no folder at all.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return Regex.IsMatch(path, pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
