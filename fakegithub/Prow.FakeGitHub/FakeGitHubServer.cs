using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prow.FakeGitHub;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that speaks enough of GitHub's
/// REST API for Prow: it records every call, serves from <see cref="State"/>, sends ETags and
/// X-RateLimit-* headers, honours If-None-Match, paginates, and fails on demand.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedCall> _calls = [];
    private readonly List<FailureRule> _failures = [];
    private readonly Dictionary<string, RateBudget> _budgets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _mintedTokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private TaskCompletionSource? _hold;

    private FakeGitHubServer(TimeProvider clock, int port, string? gitFolder)
    {
        Clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        if (gitFolder is not null)
        {
            _app.Use(GitFiles.Serve(gitFolder));
        }

        _app.Use(HandleAsync);
        MapRoutes(_app);
    }

    public FakeGitHubState State { get; } = new();

    public TimeProvider Clock { get; }

    /// <summary>The address to give the client, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>When non-empty, API calls must carry one of these tokens (or a minted installation token).</summary>
    public HashSet<string> AcceptedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, App endpoints demand a JWT that verifies with this key and is within its lifetime.</summary>
    public RSA? AppPublicKey { get; set; }

    /// <summary>
    /// When set, Link headers name this address instead of the fake's own, as GitHub's do when a
    /// proxy passes them through.
    /// </summary>
    public Uri? LinkBaseAddress { get; set; }

    public TimeSpan InstallationTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public static Task<FakeGitHubServer> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default) =>
        StartAsync(port: 0, gitFolder: null, clock, cancellationToken);

    /// <param name="port">The loopback port to listen on; 0 lets the OS pick one.</param>
    /// <param name="gitFolder">
    /// When set, <c>/owner/repo.git/...</c> serves the bare repositories under it (<c>owner/repo.git</c>) as git's dumb
    /// HTTP protocol, so jobs clone from the fake as from github.com.
    /// </param>
    public static async Task<FakeGitHubServer> StartAsync(int port, string? gitFolder, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeGitHubServer(clock ?? TimeProvider.System, port, gitFolder);
        await server._app.StartAsync(cancellationToken);
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.BaseAddress = new Uri(addresses.Addresses.First());
        return server;
    }

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<string> MintedTokens
    {
        get
        {
            lock (_lock)
            {
                return [.. _mintedTokens.Keys];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls (optionally only under a path prefix) answer <paramref name="status"/>.</summary>
    public void FailNext(int count, int status, string message = "Server Error", TimeSpan? retryAfter = null, string? pathPrefix = null)
    {
        lock (_lock)
        {
            _failures.Add(new FailureRule(status, message, retryAfter, pathPrefix) { Remaining = count });
        }
    }

    /// <summary>Ends every refusal set up by <see cref="FailNext"/>: GitHub answers again.</summary>
    public void ClearFailures()
    {
        lock (_lock)
        {
            _failures.Clear();
        }
    }

    /// <summary>GitHub's secondary rate limit: 403, its message, and Retry-After when given.</summary>
    public void FailNextWithSecondaryRateLimit(int count, TimeSpan? retryAfter, string? pathPrefix = null) =>
        FailNext(count, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", retryAfter, pathPrefix);

    public void SetRateLimit(int remaining, DateTimeOffset reset, int limit = 5000, string resource = "core")
    {
        lock (_lock)
        {
            _budgets[resource] = new RateBudget(limit, remaining, reset);
        }
    }

    public RateBudget RateLimit(string resource = "core")
    {
        lock (_lock)
        {
            return Budget(resource);
        }
    }

    /// <summary>Requests are recorded, then wait until the returned handle is disposed.</summary>
    public IDisposable HoldRequests()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _hold = gate;
        }

        return new Release(() =>
        {
            lock (_lock)
            {
                _hold = null;
            }

            gate.TrySetResult();
        });
    }

    /// <summary>Lets an installation token expire early (tests of refresh).</summary>
    public void ExpireMintedTokens()
    {
        lock (_lock)
        {
            foreach (var token in _mintedTokens.Keys.ToList())
            {
                _mintedTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _hookSender.Dispose();
    }

    private RateBudget Budget(string resource)
    {
        var now = Clock.GetUtcNow();
        if (!_budgets.TryGetValue(resource, out var budget) || budget.Reset <= now)
        {
            var limit = resource == "search" ? 30 : 5000;
            _budgets[resource] = budget = new RateBudget(limit, limit, now.AddHours(1));
        }

        return budget;
    }

    private sealed class Release(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
