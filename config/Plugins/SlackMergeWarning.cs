namespace Prow.Config.Plugins;

/// <summary>
/// A <c>slack.mergewarnings</c> entry: pushes to these repositories (org/repo or org) are announced on these channels,
/// unless the pusher is an exempt user (the bot that merges, usually) or the branch is exempt for the repository.
/// </summary>
public sealed record SlackMergeWarning(
    IReadOnlyList<string> Repos,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> ExemptUsers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ExemptBranches);
