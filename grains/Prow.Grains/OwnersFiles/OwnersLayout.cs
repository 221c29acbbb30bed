using System.Text.RegularExpressions;
using Prow.Config;
using Prow.Config.Plugins;

namespace Prow.Grains.OwnersFiles;

/// <summary>
/// Where a repository keeps its OWNERS: the file names plugins.yaml's <c>owners.filenames</c> gives it and the
/// directories config.yaml's <c>owners_dir_denylist</c> rules out. Every reader of OWNERS files asks this.
/// </summary>
public sealed record OwnersLayout(OwnersFilenames Filenames, IReadOnlyList<Regex> DirDenylist)
{
    public static OwnersLayout Default { get; } = new(OwnersFilenames.Default, []);

    public static OwnersLayout For(ConfigSnapshot config, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(config.Plugins.Owners.FilenamesFor(org, repo), config.Prow.OwnersDirDenylist.For(org, repo));
    }

    /// <summary>
    /// Whether a directory's OWNERS are ignored: it, or a directory above it, matches a pattern (Prow skips a matching
    /// directory with everything below it). The root is matched as ".", as Prow's walk names it.
    /// </summary>
    public bool IsIgnored(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var dir = directory.Trim('/');
        if (Matches("."))
        {
            return true;
        }

        for (var slash = dir.IndexOf('/', StringComparison.Ordinal); dir.Length > 0; slash = dir.IndexOf('/', slash + 1))
        {
            if (Matches(slash < 0 ? dir : dir[..slash]))
            {
                return true;
            }

            if (slash < 0)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The path of a directory's OWNERS file ("" is the root).</summary>
    public string OwnersPath(string directory) => directory.Length == 0 ? Filenames.Owners : $"{directory}/{Filenames.Owners}";

    /// <summary>Whether a changed file is an OWNERS file this layout reads (by name, outside ignored directories).</summary>
    public bool IsOwnersFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return path[(slash + 1)..] == Filenames.Owners && !IsIgnored(slash < 0 ? "" : path[..slash]);
    }

    private bool Matches(string path) => DirDenylist.Any(re => re.IsMatch(path));
}
