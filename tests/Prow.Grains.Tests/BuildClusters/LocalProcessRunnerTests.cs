using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.BuildClusters.Local;

namespace Prow.Grains.Tests.BuildClusters;

public sealed class LocalProcessRunnerTests : IDisposable
{
    // Generous: a 2 s timeout plus a 1 s grace period must end well within this, even on a loaded machine.
    // Timeouts are 2 s so the shell has set its traps and written its pid files long before the signal.
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(15);

    private readonly LocalRunnerSandbox _sandbox = new();

    private string Root => _sandbox.Root;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Run_CommandWritesToStdoutAndStderr_LogHasBothInOrder()
    {
        var result = await LocalRunnerSandbox.RunAsync(Shell("echo out; echo err >&2; echo out2"));

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Job succeeded.", result.Description);
        Assert.Equal("out\nerr\nout2\n", ReadLog());
        Assert.True(result.FinishedAt >= result.StartedAt);
    }

    [Fact]
    public async Task Run_NonZeroExit_FailedWithExitCode()
    {
        var result = await LocalRunnerSandbox.RunAsync(Shell("echo failing; exit 3"));

        Assert.Equal(LocalRunOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("Job failed.", result.Description);
        Assert.Contains("failing", ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingExecutable_ErrorWithReasonAndNoExitCode()
    {
        var result = await LocalRunnerSandbox.RunAsync(Request(["prow-no-such-executable-7f3a", "--help"]));

        Assert.Equal(LocalRunOutcome.Error, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.StartsWith("Could not start the process: ", result.Description, StringComparison.Ordinal);
        Assert.Contains("prow-no-such-executable-7f3a", result.Description, StringComparison.Ordinal);
        Assert.Contains(result.Description, ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExecutableWithoutExecutePermission_Error()
    {
        var script = Path.Combine(Root, "not-executable.sh");
        File.WriteAllText(script, "#!/bin/sh\necho ran\n");

        var result = await LocalRunnerSandbox.RunAsync(Request([script]));

        Assert.Equal(LocalRunOutcome.Error, result.Outcome);
        Assert.Contains("permission denied", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommandOrArgs_Error()
    {
        var result = await LocalRunnerSandbox.RunAsync(Request([]));

        Assert.Equal(LocalRunOutcome.Error, result.Outcome);
        Assert.Equal("The job's container has no command.", result.Description);
    }

    [Fact]
    public async Task Run_CommandThenArgs_OrArgsAloneWhenNoCommand_KubernetesSemantics()
    {
        var both = await LocalRunnerSandbox.RunAsync(Request(["sh", "-c"]) with { Args = ["echo \"$0-$1\"", "a", "b"] });
        Assert.Equal("a-b\n", ReadLog());
        var argsOnly = await LocalRunnerSandbox.RunAsync(Request([]) with { Args = ["echo", "only", "args"] });
        Assert.Equal("only args\n", ReadLog());

        Assert.Equal(LocalRunOutcome.Succeeded, both.Outcome);
        Assert.Equal(LocalRunOutcome.Succeeded, argsOnly.Outcome);
    }

    [Fact]
    public async Task Run_Env_VisibleToCommandWithPathAndArtifactsButNotTheRunnersOwn()
    {
        Environment.SetEnvironmentVariable("PROW_RUNNER_SECRET_7F3A", "leaked");
        var request = Shell("echo \"job=$JOB_NAME secret=$PROW_RUNNER_SECRET_7F3A\"; test -d \"$ARTIFACTS\" && echo artifacts=yes; command -v git >/dev/null && echo git=yes")
            with
        { Env = new Dictionary<string, string> { ["JOB_NAME"] = "unit" } };

        var result = await LocalRunnerSandbox.RunAsync(request);

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal("job=unit secret=\nartifacts=yes\ngit=yes\n", ReadLog());
    }

    [Fact]
    public async Task Run_ArtifactsWritten_MovedIntoDestinationAndWorkspaceRemoved()
    {
        var destination = Path.Combine(Root, "uploaded", "artifacts");

        Directory.CreateDirectory(destination);
        File.WriteAllText(Path.Combine(destination, "earlier.txt"), "kept");

        var result = await LocalRunnerSandbox.RunAsync(Shell("echo '<testsuite/>' > \"$ARTIFACTS/junit.xml\"") with { ArtifactsDestination = destination });

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal("<testsuite/>\n", File.ReadAllText(Path.Combine(destination, "junit.xml")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(destination, "earlier.txt")));
        Assert.StartsWith(Path.Combine(Root, "workspaces"), result.WorkspacePath, StringComparison.Ordinal);
        Assert.False(Directory.Exists(result.WorkspacePath));
    }

    [Fact]
    public async Task Run_KeepWorkspace_WorkspaceStaysAndWasTheWorkingDirectory()
    {
        var result = await LocalRunnerSandbox.Runner(keepWorkspace: true).RunAsync(Shell("pwd > here.txt"), CancellationToken.None);

        Assert.Equal(result.WorkspacePath + "\n", File.ReadAllText(Path.Combine(result.WorkspacePath, "here.txt")));
    }

    [Fact]
    public async Task Run_TimeoutElapses_ProcessTreeKilledAndTimedOut()
    {
        var stopwatch = Stopwatch.StartNew();

        var result = await LocalRunnerSandbox.RunAsync(Shell(SpawnChildAndOrphan() + "wait") with { Timeout = TimeSpan.FromSeconds(2), GracePeriod = TimeSpan.FromSeconds(1) });

        Assert.Equal(LocalRunOutcome.TimedOut, result.Outcome);
        Assert.Equal("Job timed out after 2s.", result.Description);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), s_stopBound);
        AssertChildAndOrphanGone();
    }

    [Fact]
    public async Task Run_TimeoutWithJobTrappingSigterm_JobCleansUpWithinGracePeriod()
    {
        var result = await LocalRunnerSandbox.RunAsync(Shell("trap 'echo cleaning up; exit 0' TERM; sleep 100 & wait") with { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(LocalRunOutcome.TimedOut, result.Outcome);
        Assert.Contains("cleaning up", ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TimeoutWithJobIgnoringSigterm_KilledAfterGracePeriod()
    {
        var pidFile = Path.Combine(Root, "stubborn.pid");
        var stopwatch = Stopwatch.StartNew();
        var request = Shell($"trap '' TERM; sleep 100 & echo $! > '{pidFile}'; wait; wait");

        var result = await LocalRunnerSandbox.RunAsync(request with { Timeout = TimeSpan.FromSeconds(2), GracePeriod = TimeSpan.FromSeconds(1) });

        Assert.Equal(LocalRunOutcome.TimedOut, result.Outcome);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(3), s_stopBound);
        Assert.Contains("SIGKILL", ReadLog(), StringComparison.Ordinal);
        Assert.Equal(128 + 9, result.ExitCode);
        Assert.False(ProcessProbe.IsRunning(ProcessProbe.ReadPid(pidFile)), "a child ignoring SIGTERM survived SIGKILL");
    }

    [Fact]
    public async Task Run_Aborted_ProcessTreeKilledAndAborted()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var stopwatch = Stopwatch.StartNew();

        var result = await LocalRunnerSandbox.RunAsync(Shell(SpawnChildAndOrphan() + "wait") with { GracePeriod = TimeSpan.FromSeconds(1) }, abort.Token);

        Assert.Equal(LocalRunOutcome.Aborted, result.Outcome);
        Assert.Equal("Job was aborted.", result.Description);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, s_stopBound);
        AssertChildAndOrphanGone();
    }

    [Fact]
    public async Task Run_JobLeavesBackgroundChildHoldingOutput_EndsAtOnceAndChildKilled()
    {
        var pidFile = Path.Combine(Root, "orphan.pid");
        var stopwatch = Stopwatch.StartNew();

        var result = await LocalRunnerSandbox.RunAsync(Shell($"sleep 100 & echo $! > '{pidFile}'; echo done"));

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, s_stopBound);
        Assert.False(ProcessProbe.IsRunning(ProcessProbe.ReadPid(pidFile)), "a background child outlived its job");
    }

    [Fact]
    public async Task Run_ProcessEscapesGroupHoldingOutput_RunEndsAfterDrainTimeout()
    {
        var pidFile = Path.Combine(Root, "escaped.pid");
        var runner = new LocalProcessRunner(TimeProvider.System, NullLogger<LocalProcessRunner>.Instance, new LocalProcessRunnerOptions { OutputDrainTimeout = TimeSpan.FromSeconds(1) });
        var stopwatch = Stopwatch.StartNew();

        // setsid leaves the job's group and session: only the drain timeout stops the run waiting for its output.
        var result = await runner.RunAsync(Shell($"setsid sh -c 'echo $$ > \"{pidFile}\"; exec sleep 60' & sleep 1; echo done"), CancellationToken.None);

        var escaped = ProcessProbe.ReadPid(pidFile);
        using (var process = Process.GetProcessById(escaped))
        {
            process.Kill();
        }

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, s_stopBound);
        Assert.Contains("done\n# Output was still open 1s after the job ended", ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AbortedBeforeStart_AbortedAndCommandNeverRan()
    {
        var marker = Path.Combine(Root, "command-ran");

        var result = await LocalRunnerSandbox.RunAsync(Shell($"touch '{marker}'"), new CancellationToken(canceled: true));

        Assert.Equal(LocalRunOutcome.Aborted, result.Outcome);
        Assert.False(File.Exists(marker));
        Assert.False(Directory.Exists(result.WorkspacePath));
    }

    [Fact]
    public void Request_ZeroOrUnsetTimeoutAndGrace_EntrypointDefaultsWhenDecorated()
    {
        var decorated = Shell("true") with { Decorate = true, Timeout = TimeSpan.Zero, GracePeriod = TimeSpan.Zero };

        Assert.Equal(TimeSpan.FromHours(2), decorated.EffectiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), decorated.EffectiveGracePeriod);
        Assert.Null((decorated with { Decorate = false, Timeout = null }).EffectiveTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), (decorated with { Timeout = TimeSpan.FromMinutes(10) }).EffectiveTimeout);
    }

    [Fact]
    public async Task Run_InvalidRequest_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LocalRunnerSandbox.RunAsync(Shell("true") with { JobType = "nightly" }));
        await Assert.ThrowsAsync<ArgumentException>(() => LocalRunnerSandbox.RunAsync(Shell("true") with { Timeout = TimeSpan.FromSeconds(-1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => LocalRunnerSandbox.RunAsync(Shell("true") with { LogPath = "" }));
    }

    /// <summary>
    /// A direct child (in the job's process tree) and an orphan whose parent already exited (re-parented away from
    /// the tree, reachable only through the process group); each writes its pid to a file.
    /// </summary>
    private string SpawnChildAndOrphan() =>
        $"sleep 100 & echo $! > '{Path.Combine(Root, "child.pid")}'; (sleep 100 & echo $! > '{Path.Combine(Root, "orphan.pid")}'); ";

    private void AssertChildAndOrphanGone()
    {
        Assert.False(ProcessProbe.IsRunning(ProcessProbe.ReadPid(Path.Combine(Root, "child.pid"))), "the job's child survived");
        Assert.False(ProcessProbe.IsRunning(ProcessProbe.ReadPid(Path.Combine(Root, "orphan.pid"))), "the job's orphaned grandchild survived");
    }

    private LocalRunRequest Shell(string script) => _sandbox.Shell(script);

    private LocalRunRequest Request(IReadOnlyList<string> command) => _sandbox.Request(command);

    private string ReadLog() => _sandbox.ReadLog();
}
