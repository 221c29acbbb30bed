namespace Prow.Config.Plugins;

/// <summary>The <c>owners</c> section; labels_denylist defaults to approved and lgtm.</summary>
public sealed record OwnersPluginConfig
{
    public IReadOnlyList<string> MdYamlRepos { get; init; } = [];
    /// <summary>Repos (org or org/repo) where OWNERS, not collaborator status, decides who may /lgtm.</summary>
    public IReadOnlyList<string> SkipCollaborators { get; init; } = [];

    public bool SkipCollaboratorsFor(string org, string repo) =>
        SkipCollaborators.Contains(org, StringComparer.Ordinal) || SkipCollaborators.Contains($"{org}/{repo}", StringComparer.Ordinal);
    public IReadOnlyList<string> LabelsDenylist { get; init; } = ["approved", "lgtm"];
    /// <summary>org or org/repo → the names of its OWNERS and OWNERS_ALIASES files.</summary>
    public IReadOnlyDictionary<string, OwnersFilenames> Filenames { get; init; } = new Dictionary<string, OwnersFilenames>();

    /// <summary>The file names a repo uses: its own entry, else its org's, else OWNERS and OWNERS_ALIASES (Prow's OwnersFilenames).</summary>
    public OwnersFilenames FilenamesFor(string org, string repo) =>
        Filenames.GetValueOrDefault($"{org}/{repo}") ?? Filenames.GetValueOrDefault(org) ?? OwnersFilenames.Default;
}
