using Microsoft.Extensions.Logging.Abstractions;
using Prow.FakeGitHub;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Override;

namespace Prow.Silo.Tests;

/// <summary>
/// The override plugin's cases in the manner of Prow's override_test.go, through the production client against the fake
/// GitHub: /override-sticky, the passing ProwJob asked for a presubmit's context, allow_top_level_owners, check runs as a
/// GitHub App. <see cref="OverridePluginTests"/> runs it through the host.
/// </summary>
public sealed class OverridePluginCaseTests
{
    private const string Repo = PluginHarness.Repo;

    private const string Jobs = """
        presubmits:
          org/repo:
          - name: pull-e2e
            context: ci/e2e
            spec: {containers: [{image: alpine}]}
        """;

    private const string TopLevelOwners = "override:\n  allow_top_level_owners: true\n";

    public static TheoryData<string, string, string, string, string[], string[], string> Cases => new()
    {
        // name, plugins.yaml, commenter, comment, contexts now passing (context=description), jobs asked for (job=description), reply start
        { "/override of a presubmit's context asks for a passing ProwJob of it", "", "boss", "/override ci/e2e",
            ["ci/e2e=Overridden by boss BaseSHA:base0000"], ["pull-e2e=Overridden by boss BaseSHA:base0000"], "Overrode contexts on behalf of boss: ci/e2e" },
        { "/override by job name does the same", "", "boss", "/override pull-e2e",
            ["ci/e2e=Overridden by boss BaseSHA:base0000"], ["pull-e2e=Overridden by boss BaseSHA:base0000"], "Overrode contexts on behalf of boss: ci/e2e" },
        { "a context no presubmit reports asks for no job", "", "boss", "/override unit",
            ["unit=Overridden by boss BaseSHA:base0000"], [], "Overrode contexts on behalf of boss: unit" },
        { "/override-sticky carries Prow's skip-retest mark, on the status and the job", "", "boss", "/override-sticky ci/e2e unit",
            ["ci/e2e=Overridden by boss [prow:skip-retest] BaseSHA:base0000", "unit=Overridden by boss [prow:skip-retest] BaseSHA:base0000"],
            ["pull-e2e=Overridden by boss [prow:skip-retest] BaseSHA:base0000"],
            "Overrode contexts on behalf of boss: ci/e2e, unit\n\nThese overrides stay for the current head commit when the base branch moves" },
        { "/override-sticky without contexts asks for them", "", "boss", "/override-sticky",
            [], [], "/override-sticky needs the failed status contexts to override, and none was given." },
        { "/override-sticky is refused to someone not allowed", "", "bob", "/override-sticky unit",
            [], [], "bob unauthorized: /override-sticky is restricted to Repo administrators." },
        { "/override-sticky of an unknown context names it", "", "boss", "/override-sticky nope",
            [], [], "/override-sticky needs failed status contexts, check runs or job names. These were not found:\n - `nope`" },
        { "a sticky and a plain override in one comment both apply", "", "boss", "/override-sticky unit\n/override ci/e2e",
            ["ci/e2e=Overridden by boss BaseSHA:base0000", "unit=Overridden by boss [prow:skip-retest] BaseSHA:base0000"],
            ["pull-e2e=Overridden by boss BaseSHA:base0000"], "Overrode contexts on behalf of boss: unit" },
        { "allow_top_level_owners lets an approver of the root OWNERS override", TopLevelOwners, "top-approver", "/override unit",
            ["unit=Overridden by top-approver BaseSHA:base0000"], [], "Overrode contexts on behalf of top-approver: unit" },
        { "without allow_top_level_owners a root OWNERS approver is refused", "", "top-approver", "/override unit",
            [], [], "top-approver unauthorized: /override is restricted to Repo administrators." },
        { "allow_top_level_owners does not extend to approvers of other OWNERS files", TopLevelOwners, "pkg-approver", "/override unit",
            [], [], "pkg-approver unauthorized: /override is restricted to Repo administrators, approvers in top level OWNERS file." },
        { "allow_top_level_owners honours the repository's OWNERS file name", TopLevelOwners + "owners:\n  filenames:\n    org: {owners: OWNERS.k8s}\n", "k8s-approver", "/override unit",
            ["unit=Overridden by k8s-approver BaseSHA:base0000"], [], "Overrode contexts on behalf of k8s-approver: unit" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_Overrides(string name, string pluginsYaml, string commenter, string body, string[] passing, string[] jobs, string reply)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, commenter), pluginsYaml, jobsYaml: Jobs);

        var overridden = harness.GitHub.StatusesFor(Repo, "sha1").DistinctBy(s => s.Context).Where(s => s.Description?.StartsWith("Overridden", StringComparison.Ordinal) == true);
        Assert.Equal(passing, overridden.Where(s => s.State == "success").Select(s => $"{s.Context}={s.Description}").Order(StringComparer.Ordinal));
        Assert.All(harness.JobRequests, r => Assert.Equal(("presubmit", "success", "sha1", "base0000", 1), (r.Type, r.Outcome?.State, r.PullSha, r.BaseSha, r.PullNumber)));
        Assert.Equal(jobs, harness.JobRequests.Select(r => $"{r.Job}={r.Outcome?.Description}").Order(StringComparer.Ordinal));
        Assert.StartsWith($"@{commenter}: {reply}", harness.GitHub.CommentsOn(Repo, 1)[0].Body, StringComparison.Ordinal);
        Assert.Equal(body.Split('\n').Length, harness.GitHub.CommentsOn(Repo, 1).Count); // one reply per command
    }

    [Fact]
    public async Task OverrideCancel_AlsoCancelsStickyOverrides()
    {
        await using var harness = await StartAsync();
        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/override-sticky unit", "boss"), jobsYaml: Jobs);

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/override-cancel", "boss"), jobsYaml: Jobs);

        var unit = harness.GitHub.StatusesFor(Repo, "sha1").First(s => s.Context == "unit");
        Assert.Equal(("failure", "Override cancelled by boss"), (unit.State, unit.Description));
    }

    public static TheoryData<string, bool, string, string[], string> CheckRunCases => new()
    {
        // name, as a GitHub App, comment, check runs created (name:title), reply start
        { "as a GitHub App a failed check run is overridden by a passing one", true, "/override gh-unit", ["gh-unit:Prow override - gh-unit"], "Overrode contexts on behalf of boss: gh-unit" },
        { "runs of one name are judged by the best: one passed, so none is failed", true, "/override gh-flaky", [], "/override needs failed status contexts, check runs or job names. These were not found:\n - `gh-flaky`" },
        { "a check run still running cannot be overridden", true, "/override gh-running", [], "/override needs failed status contexts, check runs or job names. These were not found:\n - `gh-running`" },
        { "a status context and a check run in one command", true, "/override unit gh-unit", ["gh-unit:Prow override - gh-unit"], "Overrode contexts on behalf of boss: gh-unit, unit" },
        { "with a token (no App) check runs are not considered", false, "/override gh-unit", [], "/override needs failed status contexts, check runs or job names. These were not found:\n - `gh-unit`" },
    };

    [Theory]
    [MemberData(nameof(CheckRunCases))]
    public async Task Override_CheckRuns(string name, bool appAuth, string body, string[] created, string reply)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync(appAuth);
        // Newest first, as the fake keeps them: gh-flaky failed, then passed on a rerun.
        harness.GitHub.Change(Repo, r => r.CheckRuns["sha1"] =
        [
            new FakeCheckRun(501, "gh-unit", "completed", "failure"),
            new FakeCheckRun(503, "gh-flaky", "completed", "success"),
            new FakeCheckRun(502, "gh-flaky", "completed", "failure"),
            new FakeCheckRun(504, "gh-running", "in_progress", null),
        ]);

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, "boss"), jobsYaml: Jobs);

        // The fake lists a commit's runs newest first; the seeded ones carry no title.
        var runs = harness.FakeRepo.CheckRuns["sha1"].Where(r => r.Title is not null).Reverse().ToList();
        Assert.Equal(created, runs.Select(r => $"{r.Name}:{r.Title}"));
        Assert.All(runs, r => Assert.Equal(("completed", "success"), (r.Status, r.Conclusion)));
        Assert.StartsWith($"@boss: {reply}", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    private static async Task<PluginHarness> StartAsync(bool appAuth = false)
    {
        var harness = await PluginHarness.StartAsync(appAuth);
        harness.GitHub.Change(Repo, r =>
        {
            r.Collaborators["boss"] = "admin";
            r.Collaborators["bob"] = "write";
            r.WithFile("main", "OWNERS", "approvers: [top-approver]\n")
                .WithFile("main", "pkg/OWNERS", "approvers: [pkg-approver]\n")
                .WithFile("main", "OWNERS.k8s", "approvers: [k8s-approver]\n");
            r.AddPullRequest(1, "change", "alice", "sha1");
            r.Statuses["sha1"] =
            [
                new FakeStatus(3, "failure", "unit", "Job failed.", "https://prow.example/unit", "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(3)),
                new FakeStatus(2, "error", "ci/e2e", "Job errored.", null, "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(2)),
                new FakeStatus(1, "success", "lint", "Job succeeded.", null, "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(1)),
            ];
        });
        return harness;
    }

    private static OverridePlugin Plugin() => new(new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance));
}
