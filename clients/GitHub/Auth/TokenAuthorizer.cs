using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

/// <summary>
/// A personal or bot token, from <c>--github-token-path</c> or given literally. The file is
/// re-read when its timestamp or size changes, so a rotated secret mount takes effect
/// without a restart (a stat per request is far cheaper than the request).
/// </summary>
internal sealed class TokenAuthorizer(string? path, string? literal, ILogger logger) : IGitHubAuthorizer
{
    private readonly Lock _lock = new();
    private (DateTime Written, long Length) _seen;
    private string? _token;

    public ValueTask<string?> GetAuthorizationAsync(string? owner, string? repo, CancellationToken cancellationToken)
    {
        var token = path is null ? literal : Current(path);
        return ValueTask.FromResult(string.IsNullOrEmpty(token) ? null : "Bearer " + token);
    }

    private string? Current(string file)
    {
        // Secret volumes rotate by re-pointing symlinks: the link's own timestamp never changes,
        // so look at the file it finally resolves to.
        var link = new FileInfo(file);
        var info = link.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? link;
        if (!info.Exists)
        {
            throw new FileNotFoundException($"GitHub token file {file} does not exist.", file);
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        lock (_lock)
        {
            if (_token is null || stamp != _seen)
            {
                _token = File.ReadAllText(file).Trim();
                _seen = stamp;
                Log.TokenReloaded(logger, file);
            }

            return _token;
        }
    }
}
