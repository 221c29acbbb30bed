using Prow.Config.Jobs;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>What the trigger says on a pull request.</summary>
internal static class TriggerReplies
{
    public const string CannotTrigger =
        "Testing cannot start yet: a trusted member of the organization has to review this pull request and comment `/ok-to-test` first.";

    public static string NeedsOkToTest(string author, string org, string? joinOrgUrl) =>
        $"""
        Hi @{author}. Thanks for your pull request.

        Tests do not run automatically until a member of the `{org}` organization confirms the change is safe to test, by commenting `/ok-to-test` on its own line. Until then new commits are not tested automatically, though members can still start tests with `/test`.

        Regular contributors can [join the organization]({joinOrgUrl ?? $"https://github.com/orgs/{org}/people"}) to skip this step. The `ok-to-test` label shows once testing is approved.
        """;

    public static string Available(IReadOnlyList<Presubmit> presubmits)
    {
        var required = presubmits.Where(p => !p.Optional && !p.SkipReport).Select(p => $"* `{p.RerunCommand}`").ToList();
        var optional = presubmits.Where(p => p.Optional || p.SkipReport).Select(p => $"* `{p.RerunCommand}`").ToList();
        var text = "The following commands start jobs on this pull request";
        text += required.Count > 0 ? ":\n\nRequired:\n" + string.Join('\n', required) : ".";
        if (optional.Count > 0)
        {
            text += "\n\nOptional:\n" + string.Join('\n', optional);
        }

        return text + "\n\nUse `/test all` to run every job that would run automatically.";
    }

    public static string NotFound(IReadOnlyList<Presubmit> presubmits) =>
        "None of the jobs named in `/test` exist for this pull request. " + Available(presubmits);

    public static string To(string login, string message) => $"@{login}: {message}";
}
