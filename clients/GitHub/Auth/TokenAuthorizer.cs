using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

/// <summary>
/// A personal or bot token, from <c>--github-token-path</c> or given literally. The file is
/// re-read when its timestamp or size changes, so a rotated secret mount takes effect
/// without a restart (a stat per request is far cheaper than the request).
/// </summary>
internal sealed class TokenAuthorizer : IGitHubAuthorizer
{
    private readonly string? _path;
    private readonly string? _literal;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private (DateTime Written, long Length) _seen;
    private string? _token;

    public TokenAuthorizer(string? path, string? literal, ILogger logger)
    {
        _path = path;
        _literal = literal;
        _logger = logger;
    }

    public ValueTask<string?> GetAuthorizationAsync(string? owner, string? repo, CancellationToken cancellationToken)
    {
        var token = _path is null ? _literal : Current(_path);
        return ValueTask.FromResult(string.IsNullOrEmpty(token) ? null : "Bearer " + token);
    }

    private string? Current(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"GitHub token file {path} does not exist.", path);
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        lock (_lock)
        {
            if (_token is null || stamp != _seen)
            {
                _token = File.ReadAllText(path).Trim();
                _seen = stamp;
                Log.TokenReloaded(_logger, path);
            }

            return _token;
        }
    }
}
