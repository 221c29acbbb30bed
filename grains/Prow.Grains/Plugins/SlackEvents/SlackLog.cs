using Microsoft.Extensions.Logging;

namespace Prow.Grains.Plugins.SlackEvents;

internal static partial class SlackLog
{
    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Not telling Slack channel {Channel}: slack.incoming_webhook_url_file is not set")]
    public static partial void NoWebhook(ILogger logger, string channel);
}
