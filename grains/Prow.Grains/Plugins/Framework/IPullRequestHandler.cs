using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to pull request events (opened, synchronize, labeled, ...).</summary>
public interface IPullRequestHandler
{
    Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest);
}
