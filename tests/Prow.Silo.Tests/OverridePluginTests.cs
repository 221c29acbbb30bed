using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;
using Prow.TestKit;

namespace Prow.Silo.Tests;

public sealed class OverridePluginTests : IAsyncLifetime
{
    private const string Repo = PluginTestHost.Repo;

    private const string Jobs = """
        presubmits:
          org/repo:
          - name: pull-e2e
            context: ci/e2e
            spec: {containers: [{image: alpine}]}
        """;

    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PluginTestHost.StartAsync(Jobs, "override", extraPluginsYaml: "override:\n  allowed_github_teams:\n    org/repo: [ci-admins]\n");
        _host.FakeRepo.Collaborators["boss"] = "admin";
        _host.FakeRepo.Collaborators["bob"] = "write";
        _host.GitHub.State.Org("org").Teams["ci-admins"] = ["dave"];
        _host.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        _host.FakeRepo.Protection["main"] = new JsonObject { ["required_status_checks"] = new JsonObject { ["strict"] = false, ["contexts"] = new JsonArray("ci/external") } };
        _host.FakeRepo.Statuses["sha1"] =
        [
            new FakeStatus(3, "failure", "unit", "Job failed.", "https://prow.example/unit", "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(3)),
            new FakeStatus(2, "error", "ci/e2e", "Job errored.", null, "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(2)),
            new FakeStatus(1, "success", "lint", "Job succeeded.", null, "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(1)),
        ];
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Override_ByARepoAdmin_SetsTheContextGreen_WithProwsDescription()
    {
        await SendAsync("/override unit", "boss");

        var status = Latest("unit");
        Assert.Equal(("success", "Overridden by boss BaseSHA:base0000", "https://prow.example/unit"), (status.State, status.Description, status.TargetUrl));
        Assert.StartsWith("@boss: Overrode contexts on behalf of boss: unit", Assert.Single(_host.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Single(_host.GitHub.CallsTo("POST", "/repos/org/repo/statuses/sha1"));
    }

    [Fact]
    public async Task Override_ByAnAllowedTeamMember_ByJobName_AndAMissingRequiredContext()
    {
        await SendAsync("/override pull-e2e \"ci/external\"", "dave");

        Assert.Equal("Overridden by dave BaseSHA:base0000", Latest("ci/e2e").Description);
        Assert.Equal("success", Latest("ci/external").State);
        Assert.Equal("failure", Latest("unit").State);
    }

    [Fact]
    public async Task Override_BySomeoneElse_IsRefused_WithWhoMayUseIt()
    {
        await SendAsync("/override unit", "bob");

        Assert.Equal("failure", Latest("unit").State);
        Assert.Empty(_host.GitHub.CallsTo("POST", "/repos/org/repo/statuses/sha1"));
        Assert.StartsWith("@bob: bob unauthorized: /override is restricted to Repo administrators, and the following github teams: org/repo: ci-admins.",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_UnknownOrPassingContext_IsRefused_ListingWhatCouldBeOverridden()
    {
        await SendAsync("/override lint nope", "boss");

        Assert.Empty(_host.GitHub.CallsTo("POST", "/repos/org/repo/statuses/sha1"));
        var reply = Assert.Single(_host.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.Contains(" - `lint`\n - `nope`", reply, StringComparison.Ordinal);
        Assert.Contains(" - `ci/e2e`\n - `ci/external`\n - `pull-e2e`\n - `unit`", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_WithoutContexts_AsksForThem()
    {
        await SendAsync("/override", "boss");

        Assert.StartsWith("@boss: /override needs the failed status contexts to override, and none was given.", Assert.Single(_host.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverrideCancel_SetsOverriddenContextsBackToFailure_OnlyForAllowedUsers()
    {
        await SendAsync("/override unit ci/e2e", "boss");

        await SendAsync("/override-cancel", "bob");
        Assert.Equal("success", Latest("unit").State);
        Assert.StartsWith("@bob: bob unauthorized: /override-cancel is restricted to Repo administrators", _host.GitHub.CommentsOn(Repo, 1)[^1].Body, StringComparison.Ordinal);

        await SendAsync("/override-cancel unit", "dave");
        Assert.Equal(("failure", "Override cancelled by dave"), (Latest("unit").State, Latest("unit").Description));
        Assert.Equal("success", Latest("ci/e2e").State);
        Assert.StartsWith("@dave: Cancelled overrides on behalf of dave: unit", _host.GitHub.CommentsOn(Repo, 1)[^1].Body, StringComparison.Ordinal);

        await SendAsync("/override-cancel", "boss");
        Assert.Equal("failure", Latest("ci/e2e").State);
        await SendAsync("/override-cancel", "boss");
        Assert.StartsWith("@boss: There are no overrides to cancel.", _host.GitHub.CommentsOn(Repo, 1)[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_OfAPresubmitsContext_CreatesAPassingProwJob_InTheJobIndex_WithoutRunningIt()
    {
        await SendAsync("/override-sticky pull-e2e", "boss");

        var index = _host.Prow.Services.GetRequiredService<IProwJobIndex>();
        ProwJob? job = null;
        await Poll.UntilAsync(async () => (job = (await index.ListJobsAsync(new ProwJobQuery { Job = "pull-e2e" }, CancellationToken.None)) is [var first, ..] ? first : null) is not null);

        Assert.Equal((ProwJobState.Success, "Overridden by boss [prow:skip-retest] BaseSHA:base0000"), (job!.Status.State, job.Status.Description));
        Assert.Equal((ProwJobType.Presubmit, "ci/e2e", "base0000", "sha1"), (job.Spec.Type, job.Spec.Context, job.Spec.Refs!.BaseSha, job.Spec.Refs.Pulls[0].Sha));
        Assert.NotNull(job.Status.CompletionTime);
        Assert.Null(job.Status.PodName);

        // The job's own report (crier) writes the status the plugin wrote: the context stays green with the override's description.
        await Poll.UntilAsync(() => Task.FromResult(_host.GitHub.StatusesFor(Repo, "sha1").Count(s => s.Context == "ci/e2e") >= 3));
        Assert.Equal(("success", "Overridden by boss [prow:skip-retest] BaseSHA:base0000"), (Latest("ci/e2e").State, Latest("ci/e2e").Description));
    }

    private Task SendAsync(string body, string commenter) =>
        _host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, body, commenter), pullRequest: 1);

    private FakeStatus Latest(string context) => _host.GitHub.StatusesFor(Repo, "sha1").First(s => s.Context == context);
}
