namespace Prow.Config.Components;

/// <summary>The <c>in_repo_config</c> section. Parsed so it is validated; loading .prow.yaml is not supported yet.</summary>
public sealed record InRepoConfig
{
    public IReadOnlyDictionary<string, bool> Enabled { get; init; } = new Dictionary<string, bool>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedClusters { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The narrowest of "org/repo", "org", "*" wins.</summary>
    public bool IsEnabled(string orgRepo)
    {
        foreach (var key in new[] { orgRepo, orgRepo.Split('/')[0], "*" })
        {
            if (Enabled.TryGetValue(key, out var v))
            {
                return v;
            }
        }

        return false;
    }
}
