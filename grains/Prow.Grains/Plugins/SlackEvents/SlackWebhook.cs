using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Prow.Grains.Plugins.SlackEvents;

/// <summary>Posts messages through a Slack incoming webhook (a URL that accepts a JSON message).</summary>
public sealed class SlackWebhook(HttpClient http)
{
    /// <exception cref="HttpRequestException">Slack (or whatever listens at the URL) refused the message.</exception>
    public async Task PostAsync(Uri url, string channel, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var response = await http.PostAsJsonAsync(url, new SlackMessage("#" + channel.TrimStart('#'), text), SlackJsonContext.Default.SlackMessage, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The incoming-webhook body: the channel (honoured by webhooks allowed to post anywhere) and the text.</summary>
public sealed record SlackMessage(string Channel, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlackMessage))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
