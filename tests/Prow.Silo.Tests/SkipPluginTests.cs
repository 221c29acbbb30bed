using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

public sealed class SkipPluginTests
{
    private const string Repo = PluginTestHost.Repo;

    private const string Jobs = """
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            spec: {containers: [{image: alpine}]}
          - name: e2e
            optional: true
            spec: {containers: [{image: alpine}]}
          - name: lint
            optional: true
            spec: {containers: [{image: alpine}]}
          - name: docs
            optional: true
            spec: {containers: [{image: alpine}]}
          - name: perf
            optional: true
            spec: {containers: [{image: alpine}]}
        """;

    [Fact]
    public async Task Skip_ByAnyone_MarksFailedAndPendingOptionalContextsSkipped_LeavesRequiredPassingAndRequestedOnes()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "skip");
        host.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        host.FakeRepo.Statuses["sha1"] =
        [
            Status(5, "pending", "perf"),
            Status(4, "failure", "unit"),
            Status(3, "failure", "e2e"),
            Status(2, "pending", "docs"),
            Status(1, "success", "lint"),
        ];

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/skip\n/test perf", "stranger"), pullRequest: 1);

        var written = host.GitHub.CallsTo("POST", "/repos/org/repo/statuses/sha1");
        Assert.Equal(2, written.Count);
        var latest = host.GitHub.StatusesFor(Repo, "sha1").DistinctBy(s => s.Context).ToDictionary(s => s.Context, s => $"{s.State}:{s.Description}");
        Assert.Equal("success:Skipped", latest["e2e"]);
        Assert.Equal("success:Skipped", latest["docs"]);
        Assert.Equal("failure:Job failed.", latest["unit"]);
        Assert.Equal("pending:Job failed.", latest["perf"]);
        Assert.Empty(host.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task Skip_WhenEverythingPasses_OrOnAnIssue_DoesNothing()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "skip");
        host.FakeRepo.AddPullRequest(2, "change", "alice", "sha2");
        host.FakeRepo.AddIssue(3, "bug", "alice");
        host.FakeRepo.Statuses["sha2"] = [Status(1, "success", "e2e")];

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 2, "/skip", "stranger"), pullRequest: 2);
        await host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 3, "/skip", "stranger"));

        Assert.Empty(host.GitHub.Writes);
    }

    private static FakeStatus Status(long id, string state, string context) =>
        new(id, state, context, "Job failed.", null, "prow-bot", DateTimeOffset.UnixEpoch.AddMinutes(id));
}
