using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// Runs the plugins enabled for a repository against one event, in plugins.yaml order. A plugin's failure is
/// logged and does not stop the others (as in Prow); the event is not retried, so a plugin's side effects happen once.
/// </summary>
public sealed partial class PluginDispatcher(PluginRegistry registry)
{
    public async Task DispatchAsync(PluginContext context, GitHubEvent gitHubEvent, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(gitHubEvent);
        var org = gitHubEvent.Repository.Owner.Login;
        var repo = gitHubEvent.Repository.Name;
        var comment = GenericCommentEvent.From(gitHubEvent, deliveryId);
        foreach (var name in context.Config.Plugins.EnabledPluginsFor(org, repo).Distinct(StringComparer.Ordinal))
        {
            if (registry.Find(name) is not { } plugin)
            {
                continue;
            }

            try
            {
                if (gitHubEvent is PullRequestEvent pullRequest && plugin is IPullRequestHandler pullRequestHandler)
                {
                    await pullRequestHandler.HandlePullRequestAsync(context, pullRequest);
                }

                if (gitHubEvent is PushEvent push && plugin is IPushHandler pushHandler)
                {
                    await pushHandler.HandlePushAsync(context, push);
                }

                if (gitHubEvent is PullRequestReviewEvent review && plugin is IPullRequestReviewHandler reviewHandler)
                {
                    await reviewHandler.HandlePullRequestReviewAsync(context, review);
                }

                if (comment is not null && plugin is IGenericCommentHandler commentHandler)
                {
                    await commentHandler.HandleGenericCommentAsync(context, comment);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                LogPluginFailed(context.Logger, ex, name, gitHubEvent.EventName, deliveryId);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Plugin {Plugin} failed on {EventName} delivery {DeliveryId}")]
    private static partial void LogPluginFailed(ILogger logger, Exception exception, string plugin, string eventName, string deliveryId);
}
