using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Prow.Grains.BuildClusters.Local;
using Prow.Services.Artifacts;

namespace Prow.Grains.BuildClusters;

/// <summary>
/// The embedded build cluster: each job is a process tree on this machine, run in the background. Its end is
/// reported to the ProwJob grain from outside any grain turn (the run must not carry the caller's call chain).
/// </summary>
public sealed partial class LocalBuildCluster(LocalProcessRunner runner, LocalBuildClusterOptions options, ILogger<LocalBuildCluster> logger) : IBuildClusterKind
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _runs = new(StringComparer.Ordinal);

    public string Name => options.Name;

    public int Capacity => options.Capacity;

    public Task StartAsync(ProwJob job, BuildRunCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(callbacks);
        var onFinished = callbacks.Finished;
        var request = LocalJobRequest.From(job, options);
        request.Validate();
        var abort = new CancellationTokenSource();
        if (!_running.TryAdd(job.Id, abort))
        {
            abort.Dispose();
            return Task.CompletedTask;
        }

        using (ExecutionContext.SuppressFlow())
        {
            var artifactsPath = $"{ArtifactLayout.BuildFolder(job)}/artifacts";
            var uploadTo = options.UploadArtifactsTo is { } remote ? ArtifactLayout.StoreFor(remote, job) : null;
            var run = Task.Run(() => RunAsync(request, uploadTo, artifactsPath, abort, onFinished), CancellationToken.None);
            _runs[job.Id] = run;
            _ = run.ContinueWith(_ => _runs.TryRemove(job.Id, out var _), TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Graceful shutdown: lets running jobs finish and report within <paramref name="patience"/>, then aborts the
    /// rest and waits briefly for them to report as aborted. Whatever still runs after that is ended on the next start.
    /// </summary>
    public async Task DrainAsync(TimeSpan patience)
    {
        var runs = _runs.Values.ToArray();
        if (runs.Length == 0)
        {
            return;
        }

        await Task.WhenAny(Task.WhenAll(runs), Task.Delay(patience));
        foreach (var abort in _running.Values)
        {
            abort.Cancel();
        }

        await Task.WhenAny(Task.WhenAll(_runs.Values.ToArray()), Task.Delay(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Copies the staged $ARTIFACTS of a finished run into a remote store, then drops the staging copy.</summary>
    private async Task UploadArtifactsAsync(LocalRunRequest request, IArtifactStore? store, string artifactsPath)
    {
        if (store is null || request.ArtifactsDestination is not { } staged || !Directory.Exists(staged))
        {
            return;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(staged, file).Replace(Path.DirectorySeparatorChar, '/');
                await store.UploadFileAsync($"{artifactsPath}/{relative}", file, CancellationToken.None);
            }

            Directory.Delete(staged, recursive: true);
        }
        catch (Exception ex)
        {
            // The job's own result stands; its artifacts stay staged on disk for someone to fetch by hand.
            LogArtifactUploadFailed(logger, ex, request.JobId, staged);
        }
    }

    public Task AbortAsync(string jobId)
    {
        if (_running.TryGetValue(jobId, out var abort))
        {
            abort.Cancel();
        }

        return Task.CompletedTask;
    }

    private async Task RunAsync(LocalRunRequest request, IArtifactStore? uploadTo, string artifactsPath, CancellationTokenSource abort, Func<BuildRunResult, Task> onFinished)
    {
        BuildRunResult result;
        try
        {
            var run = await runner.RunAsync(request, abort.Token);
            result = new BuildRunResult(StateOf(run.Outcome), run.Description, run.ExitCode, request.LogPath);
            await UploadArtifactsAsync(request, uploadTo, artifactsPath);
        }
        catch (Exception ex)
        {
            result = new BuildRunResult(ProwJobState.Error, $"The local run failed: {ex.Message}", null, request.LogPath);
        }
        finally
        {
            _running.TryRemove(request.JobId, out _);
            abort.Dispose();
        }

        // The grain may be briefly unavailable (shutting down); a few tries, then the restart's resume ends the job.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await onFinished(result);
                return;
            }
            catch (Exception ex) when (attempt < 5)
            {
                LogReportRetry(logger, ex, request.JobId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex)
            {
                LogReportFailed(logger, ex, request.JobId);
                return;
            }
        }
    }

    private static string StateOf(LocalRunOutcome outcome) => outcome switch
    {
        LocalRunOutcome.Succeeded => ProwJobState.Success,
        LocalRunOutcome.Failed => ProwJobState.Failure,
        LocalRunOutcome.TimedOut or LocalRunOutcome.Aborted => ProwJobState.Aborted,
        _ => ProwJobState.Error,
    };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Telling ProwJob {JobId} its run ended failed (attempt {Attempt}); trying again")]
    private static partial void LogReportRetry(ILogger logger, Exception exception, string jobId, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Could not tell ProwJob {JobId} its run ended; it is ended on the next restart")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Could not upload the artifacts of ProwJob {JobId}; they stay in {Folder}")]
    private static partial void LogArtifactUploadFailed(ILogger logger, Exception exception, string jobId, string folder);
}
