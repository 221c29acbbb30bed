using System.ComponentModel;
using System.Diagnostics;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// Prow's entrypoint for a local process. The command runs as <c>setsid -w sh -c 'read -r _ || exit 125; exec "$@" 2>&amp;1'</c>: setsid gives
/// it its own session and process group (the group id is the started process's id, because a child of the runner
/// is never a group leader and setsid then execs in place), and sh makes stderr the same pipe as stdout, so the two
/// interleave in the log exactly as written, like entrypoint's single writer. On timeout or abort the whole group
/// gets SIGTERM, then SIGKILL after the grace period; when the command ends, whatever it left in its group is killed,
/// as Kubernetes does when a container stops. Without setsid, only the process gets SIGTERM and its tree SIGKILL.
/// <paramref name="groupStarted"/> is told the group's id once it exists, so it can be recorded for a prow that is
/// killed before the job ends.
/// </summary>
internal sealed class JobProcess(BuildLog log, TimeProvider timeProvider, TimeSpan drainTimeout, Action<int>? groupStarted = null)
{
    private static readonly string? s_setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    public async Task<JobProcessResult> RunAsync(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan? timeout, TimeSpan gracePeriod, CancellationToken abort)
    {
        using var process = new Process { StartInfo = StartInfo(executable, arguments, workingDirectory, environment) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return new JobProcessResult(LocalRunOutcome.Error, null, ex.Message);
        }

        var ownGroup = s_setsid is not null;
        if (ownGroup)
        {
            groupStarted?.Invoke(process.Id);
        }

        Release(process);
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream), PumpAsync(process.StandardError.BaseStream));
        var stop = await WaitAsync(process, timeout, abort);
        if (stop is not null)
        {
            var reason = stop == LocalRunOutcome.Aborted ? "The job was aborted" : $"The job did not finish before its {DurationText.Format(timeout!.Value)} timeout";
            await log.WriteTextAsync($"# {reason}; sending SIGTERM, SIGKILL after {DurationText.Format(gracePeriod)}.");
            await TerminateAsync(process, ownGroup, gracePeriod);
        }

        Kill(process, ownGroup);
        await DrainAsync(pumps);
        var exitCode = process.ExitCode;
        return stop is { } outcome
            ? new JobProcessResult(outcome, exitCode)
            : new JobProcessResult(exitCode == 0 ? LocalRunOutcome.Succeeded : LocalRunOutcome.Failed, exitCode);
    }

    private static ProcessStartInfo StartInfo(
        string executable, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(s_setsid ?? "/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The shell waits for a line on stdin before it runs the command (see Release), and gives up if stdin ends
        // first: the runner died before the job's group was recorded.
        string[] shell = ["/bin/sh", "-c", "read -r _ || exit 125; exec \"$@\" 2>&1", "prow-entrypoint", executable];
        foreach (var arg in (s_setsid is null ? shell[1..] : ["-w", .. shell]).Concat(arguments))
        {
            startInfo.ArgumentList.Add(arg);
        }

        // Only what the job is given: the runner's own environment (tokens, secrets) must not leak into jobs.
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    /// <summary>
    /// Lets the command run, now that its group is recorded: until then, a prow killed between starting the process
    /// and recording it would leave a job nobody knows to kill. Then closes stdin, as a pod's container has none.
    /// </summary>
    private static void Release(Process process)
    {
        try
        {
            process.StandardInput.WriteLine();
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The shell is already gone (setsid could not run it); its exit code tells the rest.
        }
    }

    /// <summary>Null when the process exited by itself, else why it was stopped.</summary>
    private async Task<LocalRunOutcome?> WaitAsync(Process process, TimeSpan? timeout, CancellationToken abort)
    {
        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit, timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, abort);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            return null;
        }
        catch (OperationCanceledException)
        {
            return abort.IsCancellationRequested ? LocalRunOutcome.Aborted : LocalRunOutcome.TimedOut;
        }
    }

    private async Task TerminateAsync(Process process, bool ownGroup, TimeSpan gracePeriod)
    {
        if (!(ownGroup ? PosixSignals.SignalGroup(process.Id, PosixSignals.SigTerm) : PosixSignals.SignalProcess(process.Id, PosixSignals.SigTerm)))
        {
            Kill(process, ownGroup);
        }

        using var grace = new CancellationTokenSource(gracePeriod, timeProvider);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            await log.WriteTextAsync($"# The job did not exit within its {DurationText.Format(gracePeriod)} grace period; sending SIGKILL.");
            Kill(process, ownGroup);
            await process.WaitForExitAsync();
        }
    }

    private static void Kill(Process process, bool ownGroup)
    {
        if (ownGroup)
        {
            PosixSignals.SignalGroup(process.Id, PosixSignals.SigKill);
        }

        // The tree is walked through /proc from the process down: once it has exited, its orphans belong to init and
        // the walk finds none, so it only costs (a scan of every process on the machine, per finished job).
        if (process.HasExited)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped.
        }
    }

    /// <summary>Waits for the last output; a process that escaped the group (its own setsid) may hold the pipe open.</summary>
    private async Task DrainAsync(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(drainTimeout, timeProvider);
        }
        catch (TimeoutException)
        {
            await log.WriteTextAsync($"# Output was still open {DurationText.Format(drainTimeout)} after the job ended; the rest is not in this log.");
        }
    }

    private async Task PumpAsync(Stream output)
    {
        var buffer = new byte[8192];
        try
        {
            int count;
            while ((count = await output.ReadAsync(buffer)) > 0)
            {
                await log.WriteAsync(buffer.AsMemory(0, count));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe or the log closed under us: only after the drain timeout gave up on this output.
        }
    }
}
