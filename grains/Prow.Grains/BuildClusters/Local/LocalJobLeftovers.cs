using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// On start, before any grain runs, kills the processes of local jobs a prow that died (SIGKILL, a crash) left running,
/// from <see cref="RunningJobRecords"/>. The jobs themselves are then ended as error when their grains resume.
/// </summary>
public sealed partial class LocalJobLeftovers(string workspaceRoot, ILogger<LocalJobLeftovers> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var killed = RunningJobRecords.ForWorkspaces(workspaceRoot).KillLeftovers();
        if (killed.Count > 0)
        {
            LogKilled(logger, killed.Count, string.Join(", ", killed));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Killed the processes of {Count} local jobs a previous prow left running: {JobIds}")]
    private static partial void LogKilled(ILogger logger, int count, string jobIds);
}
