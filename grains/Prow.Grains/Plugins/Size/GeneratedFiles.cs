namespace Prow.Grains.Plugins.Size;

/// <summary>
/// A repository's <c>.generated_files</c>: which changed files are generated and do not count towards the size.
/// Each line is <c>&lt;kind&gt; &lt;value&gt;</c>: <c>file-name</c> (the base name equals it), <c>file-prefix</c> (the base
/// name starts with it), <c>path-prefix</c> (the path starts with it), or <c>paths-from-repo</c> (a file in the repository
/// listing generated paths, one per line). Blank lines and <c>#</c> comments are ignored.
/// </summary>
public sealed record GeneratedFiles(
    IReadOnlySet<string> FileNames,
    IReadOnlyList<string> FilePrefixes,
    IReadOnlyList<string> PathPrefixes,
    IReadOnlySet<string> Paths,
    IReadOnlyList<string> PathsFromRepo)
{
    public const string FileName = ".generated_files";

    public static GeneratedFiles None { get; } = Parse("");

    /// <exception cref="FormatException">A line is not a known kind followed by one value.</exception>
    public static GeneratedFiles Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var filePrefixes = new List<string>();
        var pathPrefixes = new List<string>();
        var fromRepo = new List<string>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new FormatException($"{FileName} line {lineNumber}: expected '<kind> <value>', got '{line}'");
            }

            var target = fields[0] switch
            {
                "file-name" => (ICollection<string>)names,
                "file-prefix" => filePrefixes,
                "path-prefix" => pathPrefixes,
                "paths-from-repo" => fromRepo,
                _ => throw new FormatException($"{FileName} line {lineNumber}: unknown kind '{fields[0]}' (file-name, file-prefix, path-prefix, paths-from-repo)"),
            };
            target.Add(fields[1]);
        }

        return new GeneratedFiles(names, filePrefixes, pathPrefixes, new HashSet<string>(StringComparer.Ordinal), fromRepo);
    }

    /// <summary>These rules plus the exact paths a <c>paths-from-repo</c> file lists.</summary>
    public GeneratedFiles WithPaths(string listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var paths = new HashSet<string>(Paths, StringComparer.Ordinal);
        paths.UnionWith(listing.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        return this with { Paths = paths };
    }

    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return Paths.Contains(path)
            || FileNames.Contains(name)
            || FilePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            || PathPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));
    }
}
