namespace Prow.Config.Plugins;

/// <summary>
/// Plugin names Prow registers (pkg/hook/plugin-imports), plus needs-rebase, an external plugin in Prow that is built
/// in here; others are reported as unknown.
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
        "retitle", "shrug", "sigmention", "size", "skip", "slackevents", "stage", "testfreeze", "transfer-issue",
        "trick-or-treat", "trigger", "updateconfig", "verify-owners", "welcome", "wip", "yuks",
    };
}
