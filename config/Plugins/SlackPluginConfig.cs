namespace Prow.Config.Plugins;

/// <summary>The <c>slack</c> plugin section: merge warnings (raw) and mentioned channels.</summary>
public sealed record SlackPluginConfig(IReadOnlyList<object?> MergeWarnings, IReadOnlyDictionary<string, object?> Extra);
