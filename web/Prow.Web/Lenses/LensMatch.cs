using System.Text.RegularExpressions;

namespace Prow.Web.Lenses;

/// <summary>A lens that shows on a job's page, with the artifacts its <c>required_files</c> and <c>optional_files</c> matched.</summary>
public sealed record LensMatch(LensEntry Lens, IReadOnlyList<ArtifactFile> Files)
{
    /// <summary>
    /// The lenses whose every <c>required_files</c> regex matches some artifact (unanchored, as Go's regexp matches),
    /// in the configured order; each with the files any of its regexes matched.
    /// </summary>
    public static IReadOnlyList<LensMatch> For(IReadOnlyList<LensEntry> lenses, IReadOnlyList<ArtifactFile> files)
    {
        ArgumentNullException.ThrowIfNull(lenses);
        ArgumentNullException.ThrowIfNull(files);
        var matches = new List<LensMatch>();
        foreach (var lens in lenses)
        {
            var required = Compile(lens.RequiredFiles);
            var optional = Compile(lens.OptionalFiles);
            if (required is null || optional is null || required.Count == 0 || !required.All(r => files.Any(f => r.IsMatch(f.Name))))
            {
                continue;
            }

            matches.Add(new LensMatch(lens, [.. files.Where(f => required.Concat(optional).Any(r => r.IsMatch(f.Name)))]));
        }

        return matches;
    }

    private static List<Regex>? Compile(IReadOnlyList<string> patterns)
    {
        try
        {
            return [.. patterns.Select(p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant))];
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
