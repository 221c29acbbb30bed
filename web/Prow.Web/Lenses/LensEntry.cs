namespace Prow.Web.Lenses;

/// <summary>
/// One entry of <c>deck.spyglass.lenses</c>: the lens's <c>name</c> and raw <c>config</c>, and the regexes of
/// <c>required_files</c> (every one must match an artifact for the lens to show) and <c>optional_files</c>.
/// </summary>
public sealed record LensEntry(string Name, IReadOnlyDictionary<string, object?> Config, IReadOnlyList<string> RequiredFiles, IReadOnlyList<string> OptionalFiles)
{
    /// <summary>What the job view shows when <c>deck.spyglass.lenses</c> is empty: the build log and JUnit results.</summary>
    public static IReadOnlyList<LensEntry> Defaults { get; } =
    [
        new("buildlog", new Dictionary<string, object?>(), [@"^build-log\.txt$"], []),
        new("junit", new Dictionary<string, object?>(), [@"^artifacts(/.*/|/)junit.*\.xml$"], []),
    ];

    /// <summary>The entries of the raw <c>lenses</c> list; entries without a lens name are left out.</summary>
    public static IReadOnlyList<LensEntry> Read(IReadOnlyList<object?> lenses)
    {
        ArgumentNullException.ThrowIfNull(lenses);
        var entries = new List<LensEntry>();
        foreach (var raw in lenses.OfType<IReadOnlyDictionary<string, object?>>())
        {
            if (raw.GetValueOrDefault("lens") is not IReadOnlyDictionary<string, object?> lens || lens.GetValueOrDefault("name") is not string name)
            {
                continue;
            }

            entries.Add(new LensEntry(
                name,
                lens.GetValueOrDefault("config") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
                Strings(raw.GetValueOrDefault("required_files")),
                Strings(raw.GetValueOrDefault("optional_files"))));
        }

        return entries;
    }

    internal static IReadOnlyList<string> Strings(object? raw) => raw is IEnumerable<object?> items ? [.. items.OfType<string>()] : [];
}
