namespace Prow.Config.Plugins;

/// <summary>
/// Every plugin name Prow's hook registers (the blank imports in Prow's pkg/hook/plugin-imports and the names the
/// plugins register under), plus needs-rebase, an external plugin in Prow that this build carries, and transfer-issue,
/// the name older Prow gave issue-management and that live configurations still enable. Any other name is refused.
/// </summary>
public static class KnownPlugins
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "approve", "assign", "blockade", "blunderbuss", "branchcleaner", "bugzilla", "buildifier", "cat",
        "cherry-pick-approved", "cherry-pick-unapproved", "cla", "config-updater", "dco", "dog", "golint", "goose",
        "heart", "help", "hold", "invalidcommitmsg", "issue-management", "jira", "label", "lgtm", "lifecycle",
        "merge-method-comment", "mergecommitblocker", "milestone", "milestoneapplier", "milestonestatus", "needs-rebase",
        "override", "owners-label", "pony", "project", "project-manager", "release-note", "require-matching-label",
        "retitle", "rifle", "shrug", "sigmention", "size", "skip", "slackevents", "stage", "testfreeze", "transfer-issue",
        "trick-or-treat", "trigger", "verify-owners", "welcome", "wip", "yuks",
    };
}
