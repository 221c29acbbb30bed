namespace Prow.Silo.Cli;

/// <summary><c>--cluster-pool NAME=a,b</c>.</summary>
internal static class ClusterPoolFlag
{
    public static bool TryParse(string value, out string name, out IReadOnlyList<string> members)
    {
        var at = value.IndexOf('=', StringComparison.Ordinal);
        name = at > 0 ? value[..at].Trim() : "";
        members = at > 0 ? value[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        return name.Length > 0 && members.Count > 0;
    }

    /// <summary>Every flag as a pool (validated at parse time; a later flag for the same name wins).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseAll(IEnumerable<string> values)
    {
        var pools = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (TryParse(value, out var name, out var members))
            {
                pools[name] = members;
            }
        }

        return pools;
    }
}
