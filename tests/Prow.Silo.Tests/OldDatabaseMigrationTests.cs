using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// A <c>.prow/prow.db</c> written by the build before the move onto Orleans (Fixtures/prow-before-orleans.db: the
/// README's sample run, which ran the nightly-health periodic once, then a /meow comment accepted and still pending
/// when that prow was killed) opens on the Orleans host with nothing lost.
/// </summary>
public sealed class OldDatabaseMigrationTests
{
    private const string OldJob = "7adf1aae-920a-50bb-a380-9f657e3af7c0";

    [Fact]
    public async Task DatabaseFromTheEarlierBuild_KeepsJobsPeriodicsRemindersAndPendingWebhooks()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "prow-before-orleans.db"), Path.Combine(folder.Path, "prow.db"));
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("example-org/repo").WithBranch("main", "base0000");

        // The same periodic, on an interval that cannot fall due while the test runs (its cron would, on a later day).
        var jobs = Path.Combine(folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "periodics:\n- name: nightly-health\n  interval: 87600h\n  spec: {containers: [{image: alpine:3.20, command: [sh, -c, echo nightly check]}]}\n");
        await using var prow = await InProcessProw.StartAsync(folder.Path, o => o with
        {
            ConfigPath = Path.Combine(RepositoryRoot.Examples, "config.yaml"),
            JobConfigPath = jobs,
            GitHubEndpoints = [gitHub.BaseAddress],
            Artifacts = Path.Combine(folder.Path, "artifacts"),
        });

        // The ProwJob and its row in the job index.
        Assert.Equal(ProwJobState.Success, (await prow.Grains.GetGrain<IProwJobGrain>(OldJob).GetAsync())!.Status.State);
        Assert.Contains(OldJob, await prow.Client.GetStringAsync("/prowjobs.js"), StringComparison.Ordinal);

        // The webhook the old build accepted and never handled is replayed into the pull request's grain.
        await Poll.UntilAsync(async () => (await AdminAsync(prow, "/admin/api/grains/pullrequest/" + Uri.EscapeDataString("example-org/repo#3"))).StatusCode == HttpStatusCode.OK);
        var stats = JsonDocument.Parse(await (await AdminAsync(prow, "/admin/api/stats")).Content.ReadAsStringAsync()).RootElement.GetProperty("statistics");
        var reminders = stats.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("grainId").GetString()).ToList();
        Assert.Contains("periodicjob/nightly-health", reminders);
        Assert.Contains("sinker/sinker", reminders);

        // Its one run is remembered: the start-up look finds it ran within the interval and starts nothing.
        var periodic = prow.Grains.GetGrain<IPeriodicJobGrain>("nightly-health");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([OldJob], (await periodic.GetAsync()).RunIds);
    }

    private static async Task<HttpResponseMessage> AdminAsync(InProcessProw prow, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "admin-secret");
        return await prow.Client.SendAsync(request);
    }
}
