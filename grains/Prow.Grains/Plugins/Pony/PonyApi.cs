using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Prow.Grains.Plugins.Pony;

/// <summary>
/// Ponies from theponyapi.com's <c>pony/random?q=tags</c>, the API Prow's pony plugin asks. A non-200 answer means no
/// pony matches the tags; when the API cannot be reached at all, the built-in ponies answer instead.
/// </summary>
public sealed class PonyApi(HttpClient http, Uri endpoint, IPonySource fallback) : IPonySource
{
    public static Uri DefaultEndpoint { get; } = new("https://theponyapi.com/api/v1/pony/random");

    public async Task<PonyImage?> FindAsync(string tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        try
        {
            using var response = await http.GetAsync($"{endpoint}?q={Uri.EscapeDataString(tags)}", cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var found = await response.Content.ReadFromJsonAsync<Found>(cancellationToken);
            return found?.Pony?.Representations is { Small: { Length: > 0 } small, Full: { Length: > 0 } full }
                && Uri.TryCreate(small, UriKind.Absolute, out var smallUri) && Uri.TryCreate(full, UriKind.Absolute, out var fullUri)
                ? new PonyImage(smallUri, fullUri)
                : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException or TaskCanceledException or NotSupportedException)
        {
            // Unreachable or unexpected answer.
            return await fallback.FindAsync(tags, cancellationToken);
        }
    }

    private sealed record Found([property: JsonPropertyName("pony")] FoundPony? Pony);

    private sealed record FoundPony([property: JsonPropertyName("representations")] Representations? Representations);

    private sealed record Representations([property: JsonPropertyName("small")] string? Small, [property: JsonPropertyName("full")] string? Full);
}
