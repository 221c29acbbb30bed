using System.Net;
using Prow.FakeGitHub;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>prow killed while jobs run: after a restart on the same storage every job ends, with exactly one final status.</summary>
[Collection(HeavyTests.Name)]
public sealed class JobCrashRecoveryTests : IDisposable
{
    private const int PullRequests = 6;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledWhileJobsRun_EveryJobEndsWithExactlyOneFinalStatus()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo");
        gitHub.State.Org("org").Members.Add("alice");
        for (var n = 1; n <= PullRequests; n++)
        {
            gitHub.State.Repo("org/repo").AddPullRequest(n, "x", "alice", $"crash{n}");
        }

        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "presubmits:\n  org/repo:\n  - name: work\n    always_run: true\n    spec: {containers: [{image: alpine, command: [sh, -c, \"sleep 2\"]}]}\n");
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org:\n    plugins: [trigger]\n");
        var token = Path.Combine(_folder.Path, "token");
        await File.WriteAllTextAsync(token, "t");
        string[] args = ["--job-config-path", jobs, "--plugin-config", plugins, "--github-endpoint", gitHub.BaseAddress.ToString(), "--github-token-path", token];

        await using (var prow = await ProwProcess.StartAsync(_folder.Path, args))
        {
            for (var n = 1; n <= PullRequests; n++)
            {
                var response = await prow.Client.SendAsync(Webhooks.Request("pull_request", $"crash-{n}", Webhooks.PullRequest("opened", "org/repo", n, "alice", $"crash{n}")));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Poll.UntilAsync(() => Statuses(gitHub).Count(s => s.Description == "Job started.") >= 2, seconds: 30);
            prow.Kill();
            await prow.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(Statuses(gitHub).Count(IsFinal) < PullRequests, "every job had already finished before the kill");
        await using var restarted = await ProwProcess.StartAsync(_folder.Path, args);
        await Poll.UntilAsync(() => Enumerable.Range(1, PullRequests).All(n => gitHub.StatusesFor("org/repo", $"crash{n}").Any(IsFinal)), seconds: 60);
        await Task.Delay(2500);

        for (var n = 1; n <= PullRequests; n++)
        {
            var final = gitHub.StatusesFor("org/repo", $"crash{n}").Where(IsFinal).ToList();
            Assert.True(final.Count == 1, $"PR {n} got {final.Count} final statuses: {string.Join("; ", final.Select(s => $"{s.State} {s.Description}"))}");
        }

        Assert.Contains(Statuses(gitHub), s => s is { State: "error", Description: "The job's run was lost when prow restarted." });
    }

    private static bool IsFinal(FakeStatus status) => status.State is "success" or "failure" or "error";

    private static List<FakeStatus> Statuses(FakeGitHubServer gitHub) =>
        [.. Enumerable.Range(1, PullRequests).SelectMany(n => gitHub.StatusesFor("org/repo", $"crash{n}"))];
}
