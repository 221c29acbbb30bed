using Prow.Grains.BuildClusters;
using Prow.Services.Configuration;
using Prow.Services.JobIndex;

namespace Prow.Grains.Sinker;

/// <summary>
/// Sinker: every resync_period, finished ProwJobs older than max_prowjob_age are forgotten (except the latest run
/// of each configured periodic, which horologium needs), and run workspaces older than max_pod_age (left by a crash)
/// are removed, and so are finished pods older than max_pod_age on every Kubernetes build cluster. Artifacts stay: they belong to the artifact store's own retention.
/// </summary>
public sealed class SinkerGrain(IConfigSource config, IProwJobIndex index, ProwGrainOptions options, BuildClusterRegistry clusters, TimeProvider time) : Grain, ISinkerGrain
{
    private const string ReminderName = "sinker";
    private const int Page = 500;

    async Task ISinkerGrain.EnsureScheduledAsync()
    {
        var period = options.SinkerResync ?? config.Current.Prow.Sinker.ResyncPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Clean();

    Task<SinkerPass> ISinkerGrain.CleanAsync() => Clean();

    private async Task<SinkerPass> Clean()
    {
        var snapshot = config.Current;
        var now = time.GetUtcNow();
        var keep = (await Task.WhenAll(snapshot.Jobs.Periodics.Select(p => GrainFactory.GetGrain<IPeriodicJobGrain>(p.Name).GetAsync())))
            .Select(v => v.RunIds.Count > 0 ? v.RunIds[^1] : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        string? after = null;
        while (true)
        {
            // The job index lists candidates; each job's own grain has the last word on its age.
            var ids = await index.ListCompletedBeforeAsync(now - snapshot.Prow.Sinker.MaxProwJobAge, after, Page, CancellationToken.None);
            foreach (var id in ids.Where(id => !keep.Contains(id)))
            {
                var job = GrainFactory.GetGrain<IProwJobGrain>(id);
                if (await job.GetAsync() is { Status.CompletionTime: { } completed } && now - completed > snapshot.Prow.Sinker.MaxProwJobAge && await job.DeleteAsync())
                {
                    removed++;
                }
            }

            if (ids.Count < Page)
            {
                break;
            }

            after = ids[^1];
        }

        return new SinkerPass(removed, RemoveStaleWorkspaces(snapshot.Prow.Sinker.MaxPodAge, now), now) { PodsRemoved = await RemoveFinishedPodsAsync(snapshot.Prow.Sinker.MaxPodAge) };
    }

    /// <summary>A cluster that does not answer is skipped: its pods are removed on a later pass.</summary>
    private async Task<int> RemoveFinishedPodsAsync(TimeSpan maxPodAge)
    {
        var removed = 0;
        foreach (var cluster in clusters.Clusters)
        {
            try
            {
                removed += await cluster.DeleteFinishedPodsAsync(maxPodAge, CancellationToken.None);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Clients.Kubernetes.KubernetesApiException)
            {
                // Skipped until the next pass.
            }
        }

        return removed;
    }

    private int RemoveStaleWorkspaces(TimeSpan maxAge, DateTimeOffset now)
    {
        var root = options.LocalCluster.WorkspaceRoot;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(root).Where(f => Path.GetFileName(f) != "logs"))
        {
            if (now - Directory.GetLastWriteTimeUtc(folder) > maxAge)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    removed++;
                }
                catch (IOException)
                {
                    // In use or already gone: the next pass tries again.
                }
            }
        }

        return removed;
    }
}
