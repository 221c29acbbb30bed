using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Clients.GitHub;
using Prow.FakeGitHub;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Approve;

namespace Prow.Bench;

/// <summary>
/// The approve plugin's OWNERS work on a large pull request: 1,000 changed files in 100 OWNERS directories, read
/// through the production client from the fake GitHub on loopback, cold and then from the per-commit cache; then
/// the approval coverage and notifier message.
/// </summary>
internal static class OwnersBenchmarks
{
    /// <summary>No owners.filenames and no owners_dir_denylist: OWNERS and OWNERS_ALIASES, Prow's preconfigured denylist.</summary>
    private static readonly Prow.Config.ConfigSnapshot s_config = new(
        new Prow.Config.Components.ProwConfig(), Prow.Config.Jobs.JobConfig.Empty, Prow.Config.Plugins.PluginsConfig.Empty, DateTimeOffset.UnixEpoch, "", new Prow.Config.ConfigPaths(null));
    private const int Areas = 10;
    private const int SubdirectoriesPerArea = 10;
    private const int FilesPerSubdirectory = 10;

    public static async Task RunAsync()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        var repo = gitHub.State.AddRepo("bench/repo").WithBranch("main", "base1").WithFile("main", "OWNERS", "approvers: [root]\n");
        var files = new List<string>();
        for (var a = 0; a < Areas; a++)
        {
            repo.WithFile("main", $"area{a}/OWNERS", $"approvers: [lead{a}]\n");
            for (var s = 0; s < SubdirectoriesPerArea; s++)
            {
                var dir = $"area{a}/sub{s}";
                repo.WithFile("main", dir + "/OWNERS", $"approvers: [owner{a}-{s}, backup{s}]\nreviewers: [rev{a}-{s}]\n");
                files.AddRange(Enumerable.Range(0, FilesPerSubdirectory).Select(f => $"{dir}/file{f}.go"));
            }
        }

        var options = new GitHubClientOptions { Token = "bench" };
        options.Endpoints.Add(gitHub.BaseAddress);
        using var client = new GitHubClient(options);
        var loader = new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance);

        var (coldMs, coldCalls, owners) = await LoadAsync(gitHub, loader, client, files);
        var (warmMs, warmCalls, _) = await LoadAsync(gitHub, loader, client, files);
        Measure.Report($"OWNERS load, {files.Count} files, cold", $"{coldMs:F1} ms, {coldCalls} GitHub calls");
        Measure.Report($"OWNERS load, {files.Count} files, cached", $"{warmMs:F1} ms, {warmCalls} GitHub call(s)");

        var approvals = new Approvals();
        for (var s = 0; s < SubdirectoriesPerArea / 2; s++)
        {
            approvals.Add($"backup{s}", Approvals.Approved, "https://bench", noIssue: false);
        }

        var samples = new List<double>();
        var length = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var facts = new ApprovalNotification.Facts("bench", "repo", "main", new ApprovalCoverage(owners, files), approvals, [], i, false, null, "https://go.k8s.io/bot-commands", "");
            length = ApprovalNotification.Message(facts).Length;
            samples.Add(Measure.ElapsedMs(started));
        }

        // CPU time as well as wall time: on a shared machine the wall time mostly measures the neighbours.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count;
        Measure.Report("approval coverage + notifier message", $"{Measure.Percentiles(samples)}, {cpuMs:F1} ms CPU each ({length:N0} chars)");
    }

    private static async Task<(double Ms, int Calls, Prow.Config.Owners.RepoOwners Owners)> LoadAsync(FakeGitHubServer gitHub, RepoOwnersLoader loader, GitHubClient client, List<string> files)
    {
        var before = gitHub.Calls.Count;
        var started = Stopwatch.GetTimestamp();
        var owners = await loader.LoadAsync(client, s_config, "bench", "repo", "main", files, CancellationToken.None);
        return (Measure.ElapsedMs(started), gitHub.Calls.Count - before, owners);
    }
}
