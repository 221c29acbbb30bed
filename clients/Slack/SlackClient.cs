using System.Net.Http.Headers;
using System.Text.Json;

namespace Prow.Clients.Slack;

/// <summary>
/// Slack's Web API as Prow's crier uses it: <c>chat.postMessage</c> with a bot token, posted as user <c>prow</c> with
/// the <c>:prow:</c> emoji as Prow's Slack client does. The token file is read at each post, so a rotated secret
/// takes effect without a restart.
/// </summary>
public sealed class SlackClient(HttpClient http, SlackClientOptions options)
{
    public const string BotName = "prow";
    public const string BotIconEmoji = ":prow:";

    /// <summary>Posts <paramref name="text"/> to <paramref name="channel"/>; throws <see cref="SlackApiException"/> unless Slack answers <c>ok</c>.</summary>
    public async Task PostMessageAsync(string channel, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(text);
        var token = (await File.ReadAllTextAsync(options.TokenFile, cancellationToken)).Trim();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Endpoint, "api/chat.postMessage"))
        {
            Content = new FormUrlEncodedContent([
                new("username", BotName),
                new("icon_emoji", BotIconEmoji),
                new("channel", channel),
                new("text", text),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? error = null;
        var ok = false;
        try
        {
            using var json = JsonDocument.Parse(body);
            ok = json.RootElement.TryGetProperty("ok", out var okElement) && okElement.ValueKind == JsonValueKind.True;
            error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
        }
        catch (JsonException)
        {
            error = $"API returned invalid JSON ({Shorten(body)})";
        }

        if (!response.IsSuccessStatusCode || !ok)
        {
            throw new SlackApiException(channel, response.StatusCode, error ?? $"HTTP {(int)response.StatusCode}");
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "...";
}
