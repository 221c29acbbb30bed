namespace Prow.Config.Owners;

/// <summary>OWNERS_ALIASES: alias → logins, looked up case-insensitively.</summary>
public sealed class OwnersAliases
{
    private readonly Dictionary<string, IReadOnlyList<string>> _aliases;

    public OwnersAliases(IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        _aliases = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in aliases)
        {
            _aliases[OwnersParser.NormalizeLogin(k)] = v.Select(OwnersParser.NormalizeLogin).ToList();
        }
    }

    public static OwnersAliases Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyCollection<string> Names => _aliases.Keys;

    /// <summary>Members of an alias, or the login itself when it is not an alias.</summary>
    public IEnumerable<string> Expand(string loginOrAlias)
    {
        var key = OwnersParser.NormalizeLogin(loginOrAlias);
        return _aliases.TryGetValue(key, out var members) ? members : [key];
    }

    public IReadOnlyList<string> ExpandAll(IEnumerable<string> names) =>
        names.SelectMany(Expand).Distinct(StringComparer.Ordinal).ToList();
}
