using System.Text;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;
using Prow.Services.Configuration;

namespace Prow.Grains.Webhooks;

/// <summary>Parses a delivery and runs the enabled plugins on it, inside the calling grain's turn.</summary>
public sealed class WebhookPluginRunner(IConfigSource config, IGitHubClient gitHub, PluginDispatcher plugins, BotIdentity bot, TimeProvider time, ILogger<WebhookPluginRunner> logger)
{
    /// <summary>The typed event (null for events nobody handles) and the jobs plugins asked for.</summary>
    public async Task<(GitHubEvent? Event, IReadOnlyList<ProwJobRequest> Jobs)> RunAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!WebhookEventParser.TryParse(delivery.EventName, Encoding.UTF8.GetBytes(delivery.Payload), out var gitHubEvent, out _) || gitHubEvent is null)
        {
            return (null, []);
        }

        var snapshot = config.Current;
        if (plugins.EnabledFor(snapshot.Plugins, gitHubEvent.Repository.Owner.Login, gitHubEvent.Repository.Name).Count == 0)
        {
            return (gitHubEvent, []);
        }

        var context = new PluginContext(snapshot, gitHub, bot.LoginAsync, logger, time, cancellationToken);
        await plugins.DispatchAsync(context, gitHubEvent, delivery.DeliveryId, delivery.Action);
        return (gitHubEvent, context.JobRequests);
    }
}
