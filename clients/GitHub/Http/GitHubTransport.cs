using System.Net;
using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

/// <summary>
/// What ghproxy did for Prow, done in-process: dry-run, conditional GETs against the ETag cache,
/// coalescing of identical GETs, rate-limit accounting and throttling, retries with backoff.
/// </summary>
internal sealed class GitHubTransport
{
    private readonly EndpointSender _sender;
    private readonly GitHubClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EtagCache _cache;
    private readonly RequestCoalescer _coalescer = new();
    private readonly RetryPolicy _retry;
    private readonly GitHubOutage _outage;
    private readonly CancellationToken _lifetime;

    public GitHubTransport(HttpClient http, GitHubClientOptions options, TimeProvider time, ILogger logger, CancellationToken lifetime, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _lifetime = lifetime;
        _cache = new EtagCache(options.MaxCacheBytes);
        _retry = new RetryPolicy(options.Throttle, time);
        _outage = new GitHubOutage(options.Throttle, time);
        RateLimits = new RateLimitTracker(time, options.Throttle);
        Metrics = new GitHubMetrics(RateLimits.Snapshot, meterFactory);
        _sender = new EndpointSender(http, options, time, Metrics, logger);
    }

    public GitHubMetrics Metrics { get; }

    public RateLimitTracker RateLimits { get; }

    /// <summary>Set once by the client; the App authorizer itself sends through this transport.</summary>
    public IGitHubAuthorizer? Authorizer { get; set; }

    public string ToPathAndQuery(Uri absolute) => _sender.ToPathAndQuery(absolute);

    public async Task<GitHubResponse> SendAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsRead && _options.DryRun && !request.SendInDryRun)
        {
            Log.DryRunWrite(_logger, request.Method.Method, request.Route.PathAndQuery);
            return DryRunAnswer(request);
        }

        var authorization = request.Authorization;
        if (authorization is null && Authorizer is not null)
        {
            authorization = await Authorizer.GetAuthorizationAsync(request.Route.Owner, request.Route.Repo, cancellationToken);
        }

        if (request.Method != HttpMethod.Get)
        {
            return await SendWithRetriesAsync(request, authorization, null, cancellationToken);
        }

        // The cache is keyed without credentials: every use revalidates, and GitHub answers 304 only
        // when this caller's representation is unchanged. Coalescing shares an answer unvalidated, so it
        // is keyed by credentials too.
        var cacheKey = request.Accept + " " + request.Route.PathAndQuery;
        return await _coalescer.RunAsync(
            cacheKey + "\n" + authorization,
            () => SendWithRetriesAsync(request, authorization, cacheKey, _lifetime),
            () => Metrics.Coalesced(request.Route.Template),
            cancellationToken);
    }

    private async Task<GitHubResponse> SendWithRetriesAsync(
        GitHubRequest request, string? authorization, string? cacheKey, CancellationToken cancellationToken)
    {
        var resource = RateLimitTracker.ResourceFor(request.Route);
        var started = _time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            if (_outage.Refusal() is { } refusal)
            {
                throw new GitHubApiException(null, request.Method.Method, request.Route.PathAndQuery, refusal, null);
            }

            await ThrottleAsync(request, resource, cancellationToken);
            var cached = cacheKey is null ? null : _cache.TryGet(cacheKey);
            HttpResponseMessage message;
            byte[] body;
            try
            {
                (message, body) = await _sender.SendAsync(request, authorization, cached?.ETag, cancellationToken);
            }
            catch (Exception e) when (EndpointSender.IsConnectionFailure(e, cancellationToken))
            {
                _outage.Unreachable();
                var backoff = _retry.Backoff(attempt);
                if (attempt >= _options.Throttle.MaxRetries || !WithinRetryTime(started, backoff))
                {
                    throw new GitHubApiException(null, request.Method.Method, request.Route.PathAndQuery, e.Message, null, e);
                }

                Log.RetryingConnection(_logger, request.Method.Method, request.Route.Template, e.Message, attempt + 1, backoff);
                await Task.Delay(backoff, _time, cancellationToken);
                continue;
            }

            using (message)
            {
                _outage.Answered();
                if (request.Authorization is null)
                {
                    // App-JWT calls draw on the App's own budget, not the installation's being tracked.
                    RateLimits.Update(message.Headers);
                }

                if (message.StatusCode == HttpStatusCode.NotModified && cached is not null)
                {
                    Metrics.CacheHit(request.Route.Template);
                    return cached with { FromCache = true };
                }

                var response = new GitHubResponse(message.StatusCode, body, message.Headers.ETag?.ToString(), LinkOf(message));
                var delay = attempt < _options.Throttle.MaxRetries ? _retry.DelayFor(message, body, attempt) : null;
                if (delay is { } wait && (int)message.StatusCode >= 500 && !WithinRetryTime(started, wait))
                {
                    delay = null;
                }

                if (delay is null)
                {
                    if (cacheKey is not null && message.StatusCode == HttpStatusCode.OK)
                    {
                        _cache.Set(cacheKey, response);
                    }

                    return response;
                }

                Log.Retrying(_logger, request.Method.Method, request.Route.Template, (int)message.StatusCode, attempt + 1, delay.Value);
                await Task.Delay(delay.Value, _time, cancellationToken);
            }
        }
    }

    /// <summary>Whether waiting <paramref name="wait"/> more still starts the next attempt within the call's retry time.</summary>
    private bool WithinRetryTime(DateTimeOffset started, TimeSpan wait) => _time.GetUtcNow() - started + wait <= _options.Throttle.MaxRetryTime;

    private async Task ThrottleAsync(GitHubRequest request, string resource, CancellationToken cancellationToken)
    {
        var wait = RateLimits.ReserveSlot(resource);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > _options.Throttle.MaxThrottleDelay)
        {
            throw new GitHubApiException(
                HttpStatusCode.Forbidden, request.Method.Method, request.Route.PathAndQuery, $"rate limit on {resource} exhausted for {wait}", null);
        }

        Log.Throttling(_logger, resource, wait);
        await Task.Delay(wait, _time, cancellationToken);
    }

    private static string? LinkOf(HttpResponseMessage message) =>
        message.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : null;

    /// <summary>A plausible success: writes echo their own body, which is the shape GitHub would return.</summary>
    private static GitHubResponse DryRunAnswer(GitHubRequest request)
    {
        if (request.Method == HttpMethod.Delete)
        {
            return new GitHubResponse(HttpStatusCode.NoContent, [], null, null) { DryRun = true };
        }

        var body = request.Body is { Length: > 0 } b && b[0] == (byte)'{' ? b : "{}"u8.ToArray();
        return new GitHubResponse(HttpStatusCode.OK, body, null, null) { DryRun = true };
    }
}
