using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Prow.Clients.GitHub;

/// <summary>A finished exchange: status, body, and the headers the client still needs.</summary>
internal sealed record GitHubResponse(HttpStatusCode StatusCode, byte[] Body, string? ETag, string? Link)
{
    /// <summary>True when a 304 let the cached body answer.</summary>
    public bool FromCache { get; init; }

    /// <summary>True when dry-run answered locally.</summary>
    public bool DryRun { get; init; }

    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public T Read<T>(JsonTypeInfo<T> type) =>
        Body.Length == 0 ? throw new JsonException($"Empty body where {typeof(T).Name} was expected.") : JsonSerializer.Deserialize(Body, type)!;

    public GitHubApiException ToException(GitHubRequest request)
    {
        var error = ReadError();
        return new GitHubApiException(StatusCode, request.Method.Method, request.Route.PathAndQuery, error?.Message, error?.DocumentationUrl);
    }

    public ErrorBody? ReadError()
    {
        try
        {
            return Body.Length == 0 ? null : JsonSerializer.Deserialize(Body, GitHubJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            return null; // proxies answer 502s with HTML
        }
    }
}
