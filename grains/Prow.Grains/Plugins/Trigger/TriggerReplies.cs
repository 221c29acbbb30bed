using Prow.Config.Jobs;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>What the trigger says on a pull request. Messages people search for keep Prow's wording.</summary>
internal static class TriggerReplies
{
    public const string CannotTrigger = "Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message.";

    public const string CannotTriggerIgnoringOkToTest =
        "PRs from untrusted users cannot be marked as trusted with `/ok-to-test` in this repo meaning untrusted PR authors can never trigger tests themselves. Collaborators can still trigger tests on the PR using `/test`.";

    public const string OnlyTrustedRevoke = "Only trusted users can revoke `/ok-to-test`.";

    public const string DraftSkipped =
        "Skipping CI for Draft Pull Request.\nIf you want CI signal for your change, please convert it to an actual PR.\nYou can still manually trigger a test run with `/test all`";

    // Prow's notes above the list of jobs, which its help comments are recognised (and pruned) by.
    public const string TestWithoutTargetNote = "The `/test` command needs one or more targets.\n";
    public const string RetestWithTargetNote = "The `/retest` command does not accept any targets.\n";
    public const string TargetNotFoundNote = "The specified target(s) for `/test` were not found.\n";
    public const string NoTestAllJobsNote = "No jobs can be run with `/test all`.\n";
    private const string RequiredHeading = "The following commands are available to trigger required jobs:";
    private const string OptionalHeading = "The following commands are available to trigger optional jobs:";

    public static string NeedsOkToTest(string author, string org, string? joinOrgUrl) =>
        $"""
        Hi @{author}. Thanks for your pull request.

        Tests do not run automatically until a member of the `{org}` organization confirms the change is safe to test, by commenting `/ok-to-test` on its own line. Until then new commits are not tested automatically, though members can still start tests with `/test`.

        Regular contributors can [join the organization]({joinOrgUrl ?? $"https://github.com/orgs/{org}/people"}) to skip this step. The `ok-to-test` label shows once testing is approved.
        """;

    /// <summary>
    /// Prow's HelpMessage: <paramref name="note"/>, then the <c>/test</c> commands of required and of optional jobs
    /// (sorted, each in a code block), then what <c>/test all</c> would run.
    /// </summary>
    public static string Help(string org, string repo, string branch, string note, IReadOnlyList<Presubmit> candidates, IReadOnlyList<Presubmit> testAll)
    {
        var testAllNames = testAll.Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var required = candidates.Where(p => !p.Optional).Select(p => p.RerunCommand).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var optional = candidates.Where(p => p.Optional).Select(p => p.RerunCommand).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (testAllNames.Count + required.Count + optional.Count == 0)
        {
            return $"No presubmit jobs available for {org}/{repo}@{branch}";
        }

        static string List(IEnumerable<string> items) => string.Concat(items.Select(i => $"\n```\n{i}\n```"));
        var text = note;
        if (required.Count > 0)
        {
            text += RequiredHeading + List(required) + "\n\n";
        }

        if (optional.Count > 0)
        {
            text += OptionalHeading + List(optional) + "\n\n";
        }

        if (testAllNames.Count == required.Count + optional.Count)
        {
            text += "Use `/test all` to run all jobs.\n";
        }
        else if (testAllNames.Count > 0)
        {
            text += "Use `/test all` to run the following jobs that were automatically triggered:" + List(testAllNames) + "\n\n";
        }

        return text;
    }

    /// <summary>Whether a comment is one of the help replies (pruned once a <c>/test</c> or <c>/retest</c> runs something).</summary>
    public static bool IsHelp(string body) =>
        new[] { TestWithoutTargetNote, RetestWithTargetNote, TargetNotFoundNote, NoTestAllJobsNote, RequiredHeading, OptionalHeading }
            .Any(marker => body.Contains(marker, StringComparison.Ordinal));
}
