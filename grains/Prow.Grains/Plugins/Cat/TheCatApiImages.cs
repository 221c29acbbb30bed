using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Prow.Grains.Plugins.Cat;

/// <summary>
/// Pictures from TheCatAPI (<c>images/search</c>), authenticated with the key in plugins.yaml's <c>cat.key_path</c>.
/// Falls back to the built-in set when the API cannot be reached, so /meow always answers.
/// </summary>
public sealed class TheCatApiImages(HttpClient http, Uri endpoint, string keyPath, ICatImageSource fallback) : ICatImageSource
{
    public static Uri DefaultEndpoint { get; } = new("https://api.thecatapi.com/v1/images/search");

    public async Task<Uri> NextAsync(bool animated, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}?format=json&limit=1&mime_types={(animated ? "gif" : "jpg,png")}");
            request.Headers.Add("x-api-key", (await File.ReadAllTextAsync(keyPath, cancellationToken)).Trim());
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var images = await response.Content.ReadFromJsonAsync<List<CatImage>>(cancellationToken);
            if (images is [{ Url: { Length: > 0 } url }, ..] && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException)
        {
            // Unreachable or unexpected answer: a built-in cat is better than no cat.
        }

        return await fallback.NextAsync(animated, cancellationToken);
    }

    private sealed record CatImage([property: JsonPropertyName("url")] string? Url);
}
