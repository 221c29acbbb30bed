using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

/// <summary>
/// One attempt of a request over the configured endpoints in order: a connection failure or a
/// 5xx moves on to the next endpoint (ghproxy first, api.github.com as fallback). An endpoint that
/// could not be reached is skipped for <see cref="GitHubClientOptions.EndpointRetryInterval"/>, so
/// a ghproxy that is down (or drops packets until the timeout) does not slow every request.
/// </summary>
internal sealed class EndpointSender(HttpClient http, GitHubClientOptions options, TimeProvider time, GitHubMetrics metrics, ILogger logger)
{
    internal const string ApiVersion = "2022-11-28";
    private readonly IReadOnlyList<Uri> _endpoints = options.EffectiveEndpoints();
    private readonly long[] _downUntil = new long[options.EffectiveEndpoints().Count];

    /// <summary>The caller owns the returned message (dispose it); its body is already read.</summary>
    public async Task<(HttpResponseMessage Message, byte[] Body)> SendAsync(
        GitHubRequest request, string? authorization, string? etag, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            var last = i == _endpoints.Count - 1;
            if (!last && time.GetUtcNow().UtcTicks < Interlocked.Read(ref _downUntil[i]))
            {
                continue;
            }

            using var message = Build(_endpoints[i], request, authorization, etag);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            HttpResponseMessage response;
            byte[] body;
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
                body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            }
            catch (Exception e) when (IsConnectionFailure(e, cancellationToken))
            {
                metrics.Request(request.Method, request.Route.Template, null);
                if (last)
                {
                    throw;
                }

                Log.EndpointFailed(logger, _endpoints[i], request.Method.Method, request.Route.Template, e.Message);
                Interlocked.Exchange(ref _downUntil[i], (time.GetUtcNow() + options.EndpointRetryInterval).UtcTicks);
                continue;
            }

            metrics.Request(request.Method, request.Route.Template, (int)response.StatusCode);
            if ((int)response.StatusCode >= 500 && !last)
            {
                Log.EndpointFailed(logger, _endpoints[i], request.Method.Method, request.Route.Template, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                response.Dispose();
                continue;
            }

            return (response, body);
        }
    }

    /// <summary>A timeout surfaces as a cancellation the caller did not ask for.</summary>
    public static bool IsConnectionFailure(Exception e, CancellationToken callerToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>Turns a Link URL (which names whichever endpoint answered) back into a path for any endpoint.</summary>
    public string ToPathAndQuery(Uri absolute)
    {
        var text = absolute.AbsoluteUri;
        foreach (var endpoint in _endpoints)
        {
            var prefix = endpoint.AbsoluteUri.TrimEnd('/');
            if (text.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                return text[prefix.Length..];
            }
        }

        return absolute.PathAndQuery;
    }

    private HttpRequestMessage Build(Uri endpoint, GitHubRequest request, string? authorization, string? etag)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(endpoint.AbsoluteUri.TrimEnd('/') + request.Route.PathAndQuery));
        message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (etag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }
}
