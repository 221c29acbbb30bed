using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub.Events;
using Prow.Config.Plugins;
using Prow.Services.Logging;
using Prow.Services.Plugins;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// Runs the plugins enabled for a repository against one event, all at once as Prow's hook does (each plugin's
/// handlers in turn), so a plugin waiting on GitHub does not hold the others. A plugin's failure is logged, counted
/// on <c>/metrics</c> and listed on the admin page, and does not stop the others; the event is not retried, so a
/// plugin's side effects happen once. A failure because GitHub is away is one line with its cause, once per
/// <see cref="RepeatedFailures.Window"/> per plugin.
/// </summary>
public sealed partial class PluginDispatcher(PluginRegistry registry, RepeatedFailures failures, PluginFailureLog? failureLog = null)
{
    public async Task DispatchAsync(PluginContext context, GitHubEvent gitHubEvent, string deliveryId, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(gitHubEvent);
        var org = gitHubEvent.Repository.Owner.Login;
        var repo = gitHubEvent.Repository.Name;
        var comment = GenericCommentEvent.From(gitHubEvent, deliveryId);
        var runs = new List<Task>();
        foreach (var name in EnabledFor(context.Config.Plugins, org, repo))
        {
            if (registry.Find(name) is { } plugin)
            {
                runs.Add(RunAsync(context, name, plugin, gitHubEvent, comment, deliveryId, action));
            }
        }

        await Task.WhenAll(runs);
    }

    /// <summary>
    /// The plugins to run: those plugins.yaml enables, then any listed under external_plugins that this build carries
    /// (they run built in instead of being forwarded).
    /// </summary>
    public IReadOnlyList<string> EnabledFor(PluginsConfig plugins, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        return [.. plugins.EnabledPluginsFor(org, repo)
            .Concat(plugins.ExternalPluginsFor(org, repo).Select(p => p.Name).Where(name => registry.Find(name) is not null))
            .Distinct(StringComparer.Ordinal)];
    }

    private async Task RunAsync(PluginContext context, string name, IPlugin plugin, GitHubEvent gitHubEvent, GenericCommentEvent? comment, string deliveryId, string? action)
    {
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

            if (gitHubEvent is IssueCommentEvent issueComment && plugin is IIssueCommentHandler issueCommentHandler)
            {
                await issueCommentHandler.HandleIssueCommentAsync(context, issueComment);
            }

            if (gitHubEvent is IssuesEvent issue && plugin is IIssueHandler issueHandler)
            {
                await issueHandler.HandleIssueAsync(context, issue);
            }

            if (gitHubEvent is StatusEvent status && plugin is IStatusHandler statusHandler)
            {
                await statusHandler.HandleStatusAsync(context, status);
            }

            if (comment is not null && plugin is IGenericCommentHandler commentHandler)
            {
                await commentHandler.HandleGenericCommentAsync(context, comment);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            if (RepeatedFailures.OutageCause(ex) is not { } cause)
            {
                LogPluginFailed(context.Logger, ex, name, gitHubEvent.EventName, deliveryId);
            }
            else if (failures.ShouldWrite("plugin " + name, out var held))
            {
                LogPluginOutage(context.Logger, name, gitHubEvent.EventName, deliveryId, cause, held);
            }

            failureLog?.Record(new PluginFailure(context.Time.GetUtcNow(), name, gitHubEvent.EventName, action, gitHubEvent.Repository.FullName, deliveryId, ex.Message));
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Plugin {Plugin} failed on {EventName} delivery {DeliveryId}")]
    private static partial void LogPluginFailed(ILogger logger, Exception exception, string plugin, string eventName, string deliveryId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Plugin {Plugin} failed on {EventName} delivery {DeliveryId}: {Cause} ({Held} more since the last such line)")]
    private static partial void LogPluginOutage(ILogger logger, string plugin, string eventName, string deliveryId, string cause, int held);
}
