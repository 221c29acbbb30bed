namespace Prow.Clients.Slack;

/// <param name="TokenFile">A file holding the bot token (<c>--slack-token-file</c>).</param>
/// <param name="Endpoint">Where Slack's Web API is: <c>https://slack.com/</c>, or a fake one in tests (<c>--slack-endpoint</c>).</param>
public sealed record SlackClientOptions(string TokenFile, Uri Endpoint)
{
    public static Uri DefaultEndpoint { get; } = new("https://slack.com/");
}
