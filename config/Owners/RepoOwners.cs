namespace Prow.Config.Owners;

/// <summary>
/// The OWNERS files of one repository, answering Prow's repoowners questions: who approves or
/// reviews a file (walking up directories, stopping at no_parent_owners, honouring filters).
/// Paths use "/" and are relative to the repository root ("" is the root).
/// </summary>
public sealed class RepoOwners
{
    private readonly Dictionary<string, OwnersFile> _byDir;

    public RepoOwners(IEnumerable<OwnersFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _byDir = files.ToDictionary(f => Canonical(f.Directory), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Directories => _byDir.Keys;

    /// <summary>
    /// Builds from OWNERS contents keyed by their path ("OWNERS", "pkg/OWNERS"); an "OWNERS_ALIASES"
    /// key at the root supplies aliases.
    /// </summary>
    /// <param name="filenames">The repository's names for the two files (plugins.yaml's owners.filenames); OWNERS and OWNERS_ALIASES by default.</param>
    public static RepoOwners Parse(IReadOnlyDictionary<string, string> files, ProblemSink sink, Plugins.OwnersFilenames? filenames = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var names = filenames ?? Plugins.OwnersFilenames.Default;
        var aliases = files.TryGetValue(names.OwnersAliases, out var aliasText)
            ? OwnersParser.ParseAliases(names.OwnersAliases, aliasText, sink)
            : OwnersAliases.Empty;
        var parsed = new List<OwnersFile>();
        foreach (var (path, text) in files)
        {
            var name = path.Split('/')[^1];
            if (name != names.Owners || path == names.OwnersAliases)
            {
                continue;
            }

            var dir = path.Length > name.Length ? path[..^(name.Length + 1)] : "";
            if (OwnersParser.ParseOwners(dir, path, text, aliases, sink) is { } file)
            {
                parsed.Add(file);
            }
        }

        return new RepoOwners(parsed);
    }

    /// <summary>Reads every OWNERS file under <paramref name="repoRoot"/> and the root OWNERS_ALIASES.</summary>
    public static RepoOwners Load(string repoRoot, ProblemSink sink)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(repoRoot, "OWNERS*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(repoRoot, f).Replace('\\', '/');
            if (rel is "OWNERS_ALIASES" || rel.EndsWith("OWNERS", StringComparison.Ordinal) && Path.GetFileName(f) == "OWNERS")
            {
                files[rel] = File.ReadAllText(f);
            }
        }

        return Parse(files, sink);
    }

    /// <summary>The approvers of the root OWNERS file (its unfiltered entries and filters matching "."), as Prow's TopLevelApprovers.</summary>
    public IReadOnlySet<string> TopLevelApprovers() =>
        _byDir.TryGetValue("", out var root)
            ? root.Entries.Where(e => e.Filter is null || e.Filter.IsMatch(".")).SelectMany(e => e.Entry.Approvers).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<string> Approvers(string path) => Collect(path, e => e.Approvers, leafOnly: false);

    public IReadOnlySet<string> LeafApprovers(string path) => Collect(path, e => e.Approvers, leafOnly: true);

    public IReadOnlySet<string> Reviewers(string path) => Collect(path, e => e.Reviewers, leafOnly: false);

    public IReadOnlySet<string> LeafReviewers(string path) => Collect(path, e => e.Reviewers, leafOnly: true);

    public IReadOnlySet<string> RequiredReviewers(string path) => Collect(path, e => e.RequiredReviewers, leafOnly: false);

    public IReadOnlySet<string> Labels(string path) => Collect(path, e => e.Labels, leafOnly: false);

    /// <summary>The closest directory (walking up) whose OWNERS has approvers for this file; null if none.</summary>
    public string? FindApproverOwnersForFile(string path) => FindOwners(path, e => e.Approvers);

    public string? FindReviewersOwnersForFile(string path) => FindOwners(path, e => e.Reviewers);

    public bool IsNoParentOwners(string dir) => _byDir.TryGetValue(Canonical(dir), out var f) && f.NoParentOwners;

    public bool IsAutoApproveUnownedSubfolders(string dir) => _byDir.TryGetValue(Canonical(dir), out var f) && f.AutoApproveUnownedSubfolders;

    private HashSet<string> Collect(string path, Func<OwnersEntry, IReadOnlyList<string>> pick, bool leafOnly)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in Walk(path))
        {
            if (_byDir.TryGetValue(dir, out var file))
            {
                foreach (var entry in Matching(file, path))
                {
                    result.UnionWith(pick(entry));
                }

                if (leafOnly && result.Count > 0)
                {
                    break;
                }

                if (file.NoParentOwners)
                {
                    break;
                }
            }
        }

        return result;
    }

    private string? FindOwners(string path, Func<OwnersEntry, IReadOnlyList<string>> pick)
    {
        foreach (var dir in Walk(path))
        {
            if (!_byDir.TryGetValue(dir, out var file))
            {
                continue;
            }

            if (Matching(file, path).Any(e => pick(e).Count > 0))
            {
                return dir;
            }

            if (file.NoParentOwners)
            {
                break;
            }
        }

        return null;
    }

    // Filters match the path relative to the OWNERS directory, unanchored, as Go's MatchString does.
    private static IEnumerable<OwnersEntry> Matching(OwnersFile file, string path)
    {
        var relative = file.Directory.Length == 0 ? Canonical(path) : Canonical(path)[(file.Directory.Length + 1)..];
        return file.Entries.Where(e => e.Filter is null || e.Filter.IsMatch(relative)).Select(e => e.Entry);
    }

    // The file's directory, then each parent up to the root "".
    private static IEnumerable<string> Walk(string path)
    {
        var dir = Parent(Canonical(path));
        while (true)
        {
            yield return dir;
            if (dir.Length == 0)
            {
                yield break;
            }

            dir = Parent(dir);
        }
    }

    private static string Parent(string path)
    {
        var i = path.LastIndexOf('/');
        return i < 0 ? "" : path[..i];
    }

    private static string Canonical(string path)
    {
        var p = path.Replace('\\', '/').Trim('/');
        return p is "." ? "" : p;
    }
}
