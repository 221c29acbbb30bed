using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

/// <summary>
/// GitHub App authentication: the App's JWT finds the installation for a request's owner
/// (org, then repo, then user installation) and mints an installation token, which is cached
/// per installation until <see cref="GitHubAppOptions.TokenRefreshMargin"/> before it expires.
/// </summary>
internal sealed class GitHubAppAuthorizer : IGitHubAuthorizer, IDisposable
{
    private readonly GitHubAppOptions _options;
    private readonly GitHubTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lazy<RSA> _key;
    private readonly ConcurrentDictionary<string, long> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, InstallationToken> _tokens = new();
    private readonly SemaphoreSlim _mint = new(1, 1);
    private readonly Lock _jwtLock = new();
    private (string Value, DateTimeOffset RenewAt)? _jwt;

    public GitHubAppAuthorizer(GitHubAppOptions options, GitHubTransport transport, TimeProvider time, ILogger logger)
    {
        _options = options;
        _transport = transport;
        _time = time;
        _logger = logger;
        _key = new Lazy<RSA>(LoadKey);
    }

    public async ValueTask<string?> GetAuthorizationAsync(string? owner, string? repo, CancellationToken cancellationToken)
    {
        owner ??= _options.DefaultOrg;
        if (owner is null)
        {
            return JwtAuthorization(); // only the /app endpoints accept it; GitHub says so if misused
        }

        var installation = await InstallationIdAsync(owner, repo, cancellationToken);
        return "Bearer " + await InstallationTokenAsync(installation, cancellationToken);
    }

    /// <summary>The App itself (<c>GET /app</c>), whose bot user is <c>{slug}[bot]</c>.</summary>
    public async Task<GitHubApp> GetAppAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsJwtAsync(HttpMethod.Get, GitHubRoute.Create("/app"), cancellationToken);
        return response.Read(GitHubJsonContext.Default.GitHubApp);
    }

    public string JwtAuthorization()
    {
        var now = _time.GetUtcNow();
        lock (_jwtLock)
        {
            if (_jwt is not { } jwt || now >= jwt.RenewAt)
            {
                // Renewed a minute before its 9-minute life ends, so a JWT in flight never expires.
                jwt = (AppJwt.Create(_options.AppId, _key.Value, now), now + AppJwt.Lifetime - TimeSpan.FromMinutes(1));
                _jwt = jwt;
            }

            return "Bearer " + jwt.Value;
        }
    }

    private async Task<long> InstallationIdAsync(string owner, string? repo, CancellationToken cancellationToken)
    {
        if (_installations.TryGetValue(owner, out var known))
        {
            return known;
        }

        List<GitHubRoute> candidates = [GitHubRoute.Create("/orgs/{org}/installation", owner)];
        if (repo is not null)
        {
            candidates.Add(GitHubRoute.Create("/repos/{owner}/{repo}/installation", owner, repo));
        }

        candidates.Add(GitHubRoute.Create("/users/{username}/installation", owner));
        foreach (var route in candidates)
        {
            if (await FindAsJwtAsync(HttpMethod.Get, route, cancellationToken) is { } found)
            {
                var id = found.Read(GitHubJsonContext.Default.Installation).Id;
                _installations[owner] = id;
                return id;
            }
        }

        throw new GitHubApiException(
            HttpStatusCode.NotFound, "GET", candidates[0].PathAndQuery, $"The GitHub App is not installed for {owner}", null);
    }

    private async Task<string> InstallationTokenAsync(long installation, CancellationToken cancellationToken)
    {
        if (Fresh(installation) is { } token)
        {
            return token;
        }

        await _mint.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(installation) is { } minted)
            {
                return minted; // another caller refreshed it while this one waited
            }

            var route = GitHubRoute.Create("/app/installations/{installation_id}/access_tokens", installation);
            var response = await SendAsJwtAsync(HttpMethod.Post, route, cancellationToken);
            var fresh = response.Read(GitHubJsonContext.Default.InstallationToken);
            _tokens[installation] = fresh;
            Log.InstallationTokenMinted(_logger, installation, fresh.ExpiresAt);
            return fresh.Token;
        }
        finally
        {
            _mint.Release();
        }
    }

    private string? Fresh(long installation) =>
        _tokens.TryGetValue(installation, out var token) && _time.GetUtcNow() < token.ExpiresAt - _options.TokenRefreshMargin
            ? token.Token
            : null;

    /// <summary>Sends as the App itself; any failure throws.</summary>
    private async Task<GitHubResponse> SendAsJwtAsync(HttpMethod method, GitHubRoute route, CancellationToken cancellationToken) =>
        await FindAsJwtAsync(method, route, cancellationToken) ?? throw new GitHubApiException(HttpStatusCode.NotFound, method.Method, route.PathAndQuery, "Not Found", null);

    /// <summary>Sends as the App itself; null for a 404, other failures throw.</summary>
    private async Task<GitHubResponse?> FindAsJwtAsync(HttpMethod method, GitHubRoute route, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest(method, route) { Authorization = JwtAuthorization(), SendInDryRun = true };
        var response = await _transport.SendAsync(request, cancellationToken);
        return response.IsSuccess ? response
            : response.StatusCode == HttpStatusCode.NotFound ? null
            : throw response.ToException(request);
    }

    private RSA LoadKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(_options.PrivateKeyPath));
        return rsa;
    }

    public void Dispose()
    {
        _mint.Dispose();
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }
}
