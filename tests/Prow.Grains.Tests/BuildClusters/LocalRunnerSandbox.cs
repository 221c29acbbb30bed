using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.BuildClusters.Local;

namespace Prow.Grains.Tests.BuildClusters;

/// <summary>A temp folder per test holding the workspaces, the build log and any repository, and requests aimed at it.</summary>
internal sealed class LocalRunnerSandbox : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("prow-local-runner-").FullName;

    public string Workspaces => Path.Combine(Root, "workspaces");

    public string LogPath => Path.Combine(Root, "logs", "build-log.txt");

    public string ReadLog() => File.ReadAllText(LogPath);

    /// <summary>No fetch retries: a bad URL should fail at once in a test.</summary>
    public static LocalProcessRunner Runner(bool keepWorkspace = false) =>
        new(TimeProvider.System, NullLogger<LocalProcessRunner>.Instance, new LocalProcessRunnerOptions { FetchRetryDelays = [], KeepWorkspace = keepWorkspace });

    public static Task<LocalRunResult> RunAsync(LocalRunRequest request, CancellationToken abort = default) => Runner().RunAsync(request, abort);

    public LocalRunRequest Shell(string script) => Request(["sh", "-c", script]);

    public LocalRunRequest Request(IReadOnlyList<string> command) => new()
    {
        JobId = "0f3a",
        BuildId = "1",
        JobName = "unit-test",
        JobType = "periodic",
        Command = command,
        WorkspaceRoot = Workspaces,
        LogPath = LogPath,
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
