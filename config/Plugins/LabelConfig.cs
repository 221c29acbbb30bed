namespace Prow.Config.Plugins;

/// <summary>The <c>label</c> section.</summary>
public sealed record LabelConfig
{
    public IReadOnlyList<string> AdditionalLabels { get; init; } = [];

    /// <summary>"*", org or org/repo → restricted labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RestrictedLabel>> RestrictedLabels { get; init; } =
        new Dictionary<string, IReadOnlyList<RestrictedLabel>>();

    /// <summary>Restricted labels that apply to a repo: global, org and repo entries together.</summary>
    public IReadOnlyList<RestrictedLabel> RestrictedLabelsFor(string org, string repo) =>
        new[] { "*", org, $"{org}/{repo}" }.SelectMany(k => RestrictedLabels.GetValueOrDefault(k) ?? []).ToList();
}
