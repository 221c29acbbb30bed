using System.Net;
using System.Text.Json;
using Prow.FakeGitHub;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// Crier's reports survive a crash: GitHub refuses every commit status while the jobs run to their end, prow is
/// killed (-9) with the final statuses still owed, GitHub answers again, and the restarted prow delivers exactly
/// one final status per context, leaving none pending.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ReporterCrashRecoveryTests : IDisposable
{
    private const int PullRequests = 4;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledWithFinalStatusesOwed_TheyAreDeliveredOnceAfterTheRestart()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo");
        gitHub.State.Org("org").Members.Add("alice");
        for (var n = 1; n <= PullRequests; n++)
        {
            gitHub.State.Repo("org/repo").AddPullRequest(n, "x", "alice", $"owed{n}");
        }

        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "presubmits:\n  org/repo:\n  - name: unit\n    always_run: true\n    spec: {containers: [{image: alpine, command: [sh, -c, \"true\"]}]}\n"
            + "  - name: lint\n    always_run: true\n    spec: {containers: [{image: alpine, command: [sh, -c, \"exit 1\"]}]}\n");
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org:\n    plugins: [trigger]\n");
        var token = Path.Combine(_folder.Path, "token");
        await File.WriteAllTextAsync(token, "t");
        string[] args = ["--job-config-path", jobs, "--plugin-config", plugins, "--github-endpoint", gitHub.BaseAddress.ToString(), "--github-token-path", token];

        gitHub.FailNext(int.MaxValue, 502, "Bad Gateway", pathPrefix: "/repos/org/repo/statuses/");
        await using (var prow = await ProwProcess.StartAsync(_folder.Path, args))
        {
            for (var n = 1; n <= PullRequests; n++)
            {
                var response = await prow.Client.SendAsync(Webhooks.Request("pull_request", $"owed-{n}", Webhooks.PullRequest("opened", "org/repo", n, "alice", $"owed{n}")));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            // The jobs end although GitHub takes none of their statuses: reporting is not on their path.
            await Poll.UntilAsync(async () => (await JobStatesAsync(prow)).Count(s => s is "success" or "failure") == 2 * PullRequests, seconds: 60);
            Assert.Empty(Statuses(gitHub));
            prow.Kill();
            await prow.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        gitHub.ClearFailures();
        await using var restarted = await ProwProcess.StartAsync(_folder.Path, args);
        await Poll.UntilAsync(() => Enumerable.Range(1, PullRequests).All(n => Latest(gitHub, n).Count == 2 && Latest(gitHub, n).Values.All(IsFinal)), seconds: 60);

        for (var n = 1; n <= PullRequests; n++)
        {
            foreach (var context in new[] { "unit", "lint" })
            {
                var final = gitHub.StatusesFor("org/repo", $"owed{n}").Where(s => s.Context == context && IsFinal(s)).ToList();
                Assert.True(final.Count == 1, $"PR {n} {context}: {final.Count} final statuses");
                Assert.Equal(context == "unit" ? "success" : "failure", final[0].State);
            }
        }

        // The pending states were superseded before GitHub answered again: nothing older than the end was sent.
        Assert.DoesNotContain(Statuses(gitHub), s => s.State == "pending");
    }

    private static bool IsFinal(FakeStatus status) => status.State is "success" or "failure" or "error";

    /// <summary>The newest status per context on the pull request's head.</summary>
    private static Dictionary<string, FakeStatus> Latest(FakeGitHubServer gitHub, int n) =>
        gitHub.StatusesFor("org/repo", $"owed{n}").GroupBy(s => s.Context).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);

    private static List<FakeStatus> Statuses(FakeGitHubServer gitHub) =>
        [.. Enumerable.Range(1, PullRequests).SelectMany(n => gitHub.StatusesFor("org/repo", $"owed{n}"))];

    private static async Task<List<string>> JobStatesAsync(ProwProcess prow)
    {
        using var document = JsonDocument.Parse(await prow.Client.GetStringAsync("/prowjobs.js"));
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("status").GetProperty("state").GetString()!)];
    }
}
