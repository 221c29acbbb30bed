using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Prow.Clients.GitHub;

/// <summary>
/// The GitHub REST client over HttpClient. The calls live in partial files by role
/// (Issues, PullRequests, Statuses, Repositories, Organizations, Search); this file holds the
/// plumbing they share: typed GETs, pagination, writes and error mapping.
/// </summary>
public sealed partial class GitHubClient : IGitHubClient, IDisposable
{
    private readonly GitHubClientOptions _options;
    private readonly GitHubTransport _transport;
    private readonly GitHubAppAuthorizer? _app;
    private readonly HttpClient? _ownedHttp;
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

    /// <param name="http">Shared HttpClient (e.g. from IHttpClientFactory); null creates one owned by this client.</param>
    public GitHubClient(GitHubClientOptions options, HttpClient? http = null, TimeProvider? time = null, ILogger<GitHubClient>? logger = null, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        time ??= TimeProvider.System;
        ILogger log = logger ?? NullLogger<GitHubClient>.Instance;
        if (http is null)
        {
            // Timeouts are per attempt inside the transport; the HttpClient must not cut retries short.
            // Pooled connections are recycled so a moved ghproxy Service IP is picked up.
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            _ownedHttp = http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        _transport = new GitHubTransport(http, options, time, log, _lifetime.Token, meterFactory);
        if (options.App is { } app)
        {
            _app = new GitHubAppAuthorizer(app, _transport, time, log);
            _transport.Authorizer = _app;
        }
        else
        {
            _transport.Authorizer = new TokenAuthorizer(options.TokenPath, options.Token, log);
        }
    }

    /// <summary>The client's instruments and running totals (requests, cache hits, coalesced GETs).</summary>
    public GitHubMetrics Metrics => _transport.Metrics;

    public IReadOnlyList<RateLimitSnapshot> RateLimits => _transport.RateLimits.Snapshot();

    public void Dispose()
    {
        // DI disposes the instance once per interface it was registered under.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
        _app?.Dispose();
        _transport.Metrics.Dispose();
        _ownedHttp?.Dispose();
    }

    private async Task<T> GetAsync<T>(GitHubRoute route, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new GitHubRequest(HttpMethod.Get, route), cancellationToken);
        return response.Read(type);
    }

    /// <summary>A GET whose 404 means "absent" rather than failure.</summary>
    private async Task<T?> GetOrNullAsync<T>(GitHubRoute route, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        (await SendOrNotFoundAsync(new GitHubRequest(HttpMethod.Get, route), cancellationToken))?.Read(type);

    /// <summary>A GET answered 204 for yes and 404 for no (membership checks).</summary>
    private async Task<bool> CheckAsync(GitHubRoute route, CancellationToken cancellationToken) =>
        await SendOrNotFoundAsync(new GitHubRequest(HttpMethod.Get, route), cancellationToken) is not null;

    /// <returns>Null for a 404; the response for any success; throws for other failures.</returns>
    private async Task<GitHubResponse?> SendOrNotFoundAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : EnsureSuccess(request, response);
    }

    private Task<IReadOnlyList<T>> GetPagedAsync<T>(GitHubRoute route, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken) =>
        GetPagedAsync(route, type, page => page, cancellationToken);

    /// <summary>Follows <c>Link: rel="next"</c> until the last page.</summary>
    private async Task<IReadOnlyList<T>> GetPagedAsync<TPage, T>(
        GitHubRoute route, JsonTypeInfo<TPage> type, Func<TPage, IEnumerable<T>> items, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var perPage = Math.Clamp(_options.PerPage, 1, 100); // GitHub's ceiling
        GitHubRoute? next = route.WithQuery(("per_page", perPage.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        while (next is not null)
        {
            var response = await SendAsync(new GitHubRequest(HttpMethod.Get, next), cancellationToken);
            all.AddRange(items(response.Read(type)));
            next = LinkHeader.Next(response.Link) is { } uri ? next with { PathAndQuery = _transport.ToPathAndQuery(uri) } : null;
        }

        return all;
    }

    private async Task<GitHubResponse> WriteAsync<TBody>(
        HttpMethod method, GitHubRoute route, TBody? body, JsonTypeInfo<TBody> type, CancellationToken cancellationToken)
    {
        var bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, type);
        return await SendAsync(new GitHubRequest(method, route) { Body = bytes }, cancellationToken);
    }

    private Task<GitHubResponse> WriteAsync(HttpMethod method, GitHubRoute route, CancellationToken cancellationToken) =>
        SendAsync(new GitHubRequest(method, route), cancellationToken);

    private async Task<GitHubResponse> SendAsync(GitHubRequest request, CancellationToken cancellationToken) =>
        EnsureSuccess(request, await _transport.SendAsync(request, cancellationToken));

    private static GitHubResponse EnsureSuccess(GitHubRequest request, GitHubResponse response) =>
        response.IsSuccess ? response : throw response.ToException(request);
}
