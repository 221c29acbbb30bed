using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Prow.Grains.Plugins.Goose;

/// <summary>
/// A random goose from unsplash.com (<c>photos/random?query=goose</c>, the API Prow's goose plugin asks), with the key
/// in <paramref name="keyPath"/> as its <c>client_id</c>. An answer without a picture is asked again, three times at
/// most as Prow does; when unsplash.com cannot be reached or never answers with one, <paramref name="fallback"/> does.
/// </summary>
public sealed class UnsplashGeese(HttpClient http, Uri endpoint, string keyPath, IGooseImageSource fallback) : IGooseImageSource
{
    private const int Attempts = 3;

    public static Uri DefaultEndpoint { get; } = new("https://api.unsplash.com/photos/random");

    public async Task<Uri> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            var key = (await File.ReadAllTextAsync(keyPath, cancellationToken)).Trim();
            var uri = $"{endpoint}?query=goose&client_id={Uri.EscapeDataString(key)}";
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var goose = await http.GetFromJsonAsync<Photo>(uri, cancellationToken);
                if (goose?.Urls?.Small is { Length: > 0 } small && Uri.TryCreate(small, UriKind.Absolute, out var picture))
                {
                    return picture;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or TaskCanceledException or NotSupportedException)
        {
            // No key file, unreachable or a refusal: asking again will not help, a built-in goose will.
        }

        return await fallback.NextAsync(cancellationToken);
    }

    private sealed record Photo([property: JsonPropertyName("urls")] ImageSet? Urls);

    private sealed record ImageSet([property: JsonPropertyName("small")] string? Small);
}
