namespace Prow.Config.Plugins;

/// <summary>The names a repository gives its OWNERS and OWNERS_ALIASES files (plugins.yaml's <c>owners.filenames</c>).</summary>
public sealed record OwnersFilenames(string Owners, string OwnersAliases)
{
    public const string DefaultOwners = "OWNERS";
    public const string DefaultOwnersAliases = "OWNERS_ALIASES";

    public static OwnersFilenames Default { get; } = new(DefaultOwners, DefaultOwnersAliases);
}
