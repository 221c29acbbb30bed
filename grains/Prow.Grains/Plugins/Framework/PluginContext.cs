using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Config;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// What a plugin works with during one event: the configuration snapshot of this turn, the GitHub client, the
/// bot's identity, a logger, and where it asks for jobs. Plugins run at once on one event, so jobs are asked for under a lock.
/// </summary>
public sealed class PluginContext(ConfigSnapshot config, IGitHubClient gitHub, Func<CancellationToken, Task<string>> botLogin, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
{
    private readonly List<GrainInterfaces.ProwJobRequest> _jobRequests = [];

    public ConfigSnapshot Config { get; } = config;

    public IGitHubClient GitHub { get; } = gitHub;

    /// <summary>The bot's login, asked of GitHub only by plugins that need it.</summary>
    public Task<string> BotLoginAsync() => botLogin(CancellationToken);

    public ILogger Logger { get; } = logger;

    public TimeProvider Time { get; } = time;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The jobs plugins asked for during this event, for the grain to act on.</summary>
    public IReadOnlyList<GrainInterfaces.ProwJobRequest> JobRequests
    {
        get
        {
            lock (_jobRequests)
            {
                return [.. _jobRequests];
            }
        }
    }

    public void RequestJob(GrainInterfaces.ProwJobRequest request)
    {
        lock (_jobRequests)
        {
            _jobRequests.Add(request);
        }
    }
}
