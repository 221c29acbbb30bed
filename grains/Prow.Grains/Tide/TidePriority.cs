namespace Prow.Grains.Tide;

/// <summary>
/// tide.priority: ordered label sets; a pull request carrying every label of a set ("a,b" means either) ranks as
/// that set, the first set highest. Ranked pull requests merge and retest before the others.
/// </summary>
public static class TidePriority
{
    /// <returns>The index of the first set the labels satisfy, or null.</returns>
    public static int? Rank(IReadOnlyList<IReadOnlyList<string>> sets, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(labels);
        for (var i = 0; i < sets.Count; i++)
        {
            if (sets[i].Count > 0 && sets[i].All(l => l.Split(',').Any(a => labels.Contains(a, StringComparer.OrdinalIgnoreCase))))
            {
                return i;
            }
        }

        return null;
    }
}
