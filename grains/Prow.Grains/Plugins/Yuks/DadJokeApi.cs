using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Prow.Grains.Plugins.Yuks;

/// <summary>
/// Jokes from icanhazdadjoke.com, the API Prow's yuks plugin asks (JSON by <c>Accept: application/json</c>).
/// Falls back to the built-in jokes when the API cannot be reached or answers without a joke.
/// </summary>
public sealed class DadJokeApi(HttpClient http, Uri endpoint, IJokeSource fallback) : IJokeSource
{
    public static Uri DefaultEndpoint { get; } = new("https://icanhazdadjoke.com");

    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var joke = await response.Content.ReadFromJsonAsync<DadJoke>(cancellationToken);
            if (joke is { Joke: { Length: > 0 } text })
            {
                return text;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException or NotSupportedException)
        {
            // Unreachable or unexpected answer: a joke from the built-in set instead.
        }

        return await fallback.NextAsync(cancellationToken);
    }

    private sealed record DadJoke([property: JsonPropertyName("joke")] string? Joke);
}
