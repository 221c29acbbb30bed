using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// Runs one job as local processes, the way a decorated Prow pod would: a fresh workspace, the refs cloned as
/// clonerefs does, the command run as entrypoint does (log, $ARTIFACTS, timeout with grace period), then cleanup.
/// Job-level problems are results, never exceptions; only an invalid request throws (ArgumentException).
/// </summary>
public sealed partial class LocalProcessRunner(TimeProvider timeProvider, ILogger<LocalProcessRunner> logger, LocalProcessRunnerOptions? options = null)
    : ILocalProcessRunner
{
    private readonly LocalProcessRunnerOptions _options = options ?? new LocalProcessRunnerOptions();

    public async Task<LocalRunResult> RunAsync(LocalRunRequest request, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var startedAt = timeProvider.GetUtcNow();
        var workspace = Path.Combine(Path.GetFullPath(request.WorkspaceRoot), WorkspaceName(request));
        IReadOnlyList<LocalClonedRef> cloned = [];
        JobProcessResult outcome;
        try
        {
            Directory.CreateDirectory(workspace);
            var log = BuildLog.Create(request.LogPath);
            await using (log)
            {
                var clone = await CloneAsync(request, workspace, log, abort);
                cloned = clone.Cloned;
                outcome = clone.FailureDescription is { } failure
                    ? new JobProcessResult(LocalRunOutcome.Failed, null, failure)
                    : await RunCommandAsync(request, workspace, cloned, log, abort);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            outcome = new JobProcessResult(LocalRunOutcome.Aborted, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcome = new JobProcessResult(LocalRunOutcome.Error, null, $"Could not prepare the run: {ex.Message}");
        }

        CleanUp(request, workspace);
        var result = new LocalRunResult(outcome.Outcome, outcome.ExitCode, Describe(request, outcome), startedAt, timeProvider.GetUtcNow(), workspace, cloned);
        LogFinished(logger, request.JobName, request.BuildId, result.Outcome, result.Description);
        return result;
    }

    private async Task<CloneOutcome> CloneAsync(LocalRunRequest request, string workspace, BuildLog log, CancellationToken abort)
    {
        abort.ThrowIfCancellationRequested();
        if (!request.Decorate || request.Refs.Count == 0)
        {
            return new CloneOutcome([], null);
        }

        return await new RefCloner(log, _options.FetchRetryDelays, timeProvider).CloneAllAsync(request, workspace, abort);
    }

    private async Task<JobProcessResult> RunCommandAsync(
        LocalRunRequest request, string workspace, IReadOnlyList<LocalClonedRef> cloned, BuildLog log, CancellationToken abort)
    {
        var commandLine = request.CommandLine;
        if (commandLine.Count == 0)
        {
            await log.WriteTextAsync("# The job's container has no command.");
            return new JobProcessResult(LocalRunOutcome.Error, null, "The job's container has no command.");
        }

        var workdirRef = cloned.FirstOrDefault(c => c.Ref.Workdir) ?? (cloned.Count > 0 ? cloned[0] : null);
        var workingDirectory = workdirRef?.Path ?? workspace;
        var environment = Environment(request, workspace, cloned.Count > 0);
        var (executable, error) = ExecutableResolver.Resolve(commandLine[0], workingDirectory, environment.GetValueOrDefault("PATH"));
        var result = executable is null
            ? new JobProcessResult(LocalRunOutcome.Error, null, error)
            : await StartAsync(request, executable, commandLine, workingDirectory, environment, workspace, log, abort);
        if (result.Outcome == LocalRunOutcome.Error)
        {
            // Entrypoint writes this to the process log too, so the log says why nothing ran.
            result = result with { Description = $"Could not start the process: {result.Description}" };
            await log.WriteTextAsync(result.Description);
        }

        return result;
    }

    private async Task<JobProcessResult> StartAsync(
        LocalRunRequest request, string executable, IReadOnlyList<string> commandLine, string workingDirectory,
        Dictionary<string, string> environment, string workspace, BuildLog log, CancellationToken abort)
    {
        LogStarting(logger, request.JobName, request.BuildId, workspace);
        var records = RunningJobRecords.ForWorkspaces(request.WorkspaceRoot);
        try
        {
            return await new JobProcess(log, timeProvider, _options.OutputDrainTimeout, group => records.Add(request.JobId, group))
                .RunAsync(executable, commandLine.Skip(1).ToList(), workingDirectory, environment, request.EffectiveTimeout, request.EffectiveGracePeriod, abort);
        }
        finally
        {
            records.Remove(request.JobId);
        }
    }

    /// <summary>The job's env, PATH and HOME from the runner so sh and git are found, and what entrypoint sets.</summary>
    private static Dictionary<string, string> Environment(LocalRunRequest request, string workspace, bool cloned)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in request.Env)
        {
            environment[name] = value;
        }

        if (cloned && !environment.ContainsKey("GOPATH"))
        {
            environment["GOPATH"] = workspace; // Clones live in $GOPATH/src/..., as in a decorated pod.
        }

        // Decoration's ARTIFACTS comes after the container's own env, so it wins, as in a decorated pod.
        var artifacts = Path.Combine(workspace, "artifacts");
        Directory.CreateDirectory(artifacts);
        environment["ARTIFACTS"] = artifacts;
        return environment;
    }

    private static string Describe(LocalRunRequest request, JobProcessResult outcome) => outcome.Outcome switch
    {
        LocalRunOutcome.Succeeded => "Job succeeded.",
        LocalRunOutcome.Failed => outcome.Description ?? "Job failed.",
        LocalRunOutcome.TimedOut => $"Job timed out after {DurationText.Format(request.EffectiveTimeout ?? TimeSpan.Zero)}.",
        LocalRunOutcome.Aborted => "Job was aborted.",
        _ => outcome.Description ?? "The job could not run.",
    };

    private void CleanUp(LocalRunRequest request, string workspace)
    {
        try
        {
            var artifacts = Path.Combine(workspace, "artifacts");
            if (request.ArtifactsDestination is { } destination && Directory.Exists(artifacts))
            {
                MoveArtifacts(artifacts, Path.GetFullPath(destination));
            }

            if (!_options.KeepWorkspace && Directory.Exists(workspace))
            {
                Directory.Delete(workspace, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailed(logger, ex, workspace);
        }
    }

    /// <summary>Moves the artifacts folder, or its entries when the destination already exists (same name: the run's wins).</summary>
    private static void MoveArtifacts(string artifacts, string destination)
    {
        if (!Directory.Exists(destination))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            Directory.Move(artifacts, destination);
            return;
        }

        foreach (var entry in new DirectoryInfo(artifacts).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(destination, entry.Name);
            if (entry is DirectoryInfo folder)
            {
                MoveArtifacts(folder.FullName, target);
            }
            else
            {
                File.Move(entry.FullName, target, overwrite: true);
            }
        }
    }

    private string WorkspaceName(LocalRunRequest request)
    {
        var safe = new string([.. request.JobName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        var unique = timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        return $"{safe[..Math.Min(safe.Length, 60)]}-{unique}";
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Starting job {JobName} build {BuildId} in {Workspace}")]
    private static partial void LogStarting(ILogger logger, string jobName, string buildId, string workspace);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Job {JobName} build {BuildId} ended {Outcome}: {Description}")]
    private static partial void LogFinished(ILogger logger, string jobName, string buildId, LocalRunOutcome outcome, string description);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Could not clean up the workspace {Workspace}")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string workspace);
}
