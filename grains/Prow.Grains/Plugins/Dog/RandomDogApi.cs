using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.Dog;

/// <summary>
/// Dogs from random.dog's <c>woof.json</c>, the API Prow's dog plugin asks. It also serves videos, which a comment
/// cannot show: those are skipped, a few times at most, before the built-in dogs answer instead (as they do when
/// random.dog cannot be reached).
/// </summary>
public sealed partial class RandomDogApi(HttpClient http, Uri endpoint, IDogImageSource fallback) : IDogImageSource
{
    private const int Attempts = 5;

    public static Uri DefaultEndpoint { get; } = new("https://random.dog/woof.json");

    [GeneratedRegex(@"(?i)\.(jpg|gif|png)$")]
    private static partial Regex Picture();

    public async Task<Uri> NextAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            try
            {
                var dog = await http.GetFromJsonAsync<Woof>(endpoint, cancellationToken);
                if (dog is { Url: { Length: > 0 } url } && Picture().IsMatch(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    return uri;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException or NotSupportedException)
            {
                // Unreachable or unexpected answer: asking again will not help.
                break;
            }
        }

        return await fallback.NextAsync(cancellationToken);
    }

    private sealed record Woof([property: JsonPropertyName("url")] string? Url);
}
