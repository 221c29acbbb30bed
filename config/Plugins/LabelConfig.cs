namespace Prow.Config.Plugins;

/// <summary>The <c>label</c> section.</summary>
public sealed record LabelConfig
{
    public IReadOnlyList<string> AdditionalLabels { get; init; } = [];

    /// <summary>"*", org or org/repo → restricted labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RestrictedLabel>> RestrictedLabels { get; init; } =
        new Dictionary<string, IReadOnlyList<RestrictedLabel>>();

    /// <summary>
    /// Restricted labels that apply to a repo, by lower-case label: global, org and repo entries together, and one label
    /// named in several of them merges their allowed users, allowed teams and assign_on labels (Prow's RestrictedLabelsFor).
    /// </summary>
    public IReadOnlyDictionary<string, RestrictedLabel> RestrictedLabelsFor(string org, string repo)
    {
        var merged = new Dictionary<string, RestrictedLabel>(StringComparer.Ordinal);
        foreach (var entry in new[] { "*", org, $"{org}/{repo}" }.SelectMany(k => RestrictedLabels.GetValueOrDefault(k) ?? []))
        {
            var key = entry.Label.ToLowerInvariant();
            merged[key] = merged.TryGetValue(key, out var earlier)
                ? earlier with
                {
                    AllowedUsers = [.. earlier.AllowedUsers.Union(entry.AllowedUsers, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    AllowedTeams = [.. earlier.AllowedTeams.Union(entry.AllowedTeams, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    AssignOn = [.. earlier.AssignOn.Union(entry.AssignOn, StringComparer.Ordinal)],
                }
                : entry;
        }

        return merged;
    }
}
