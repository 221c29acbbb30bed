using System.Diagnostics;
using System.Text.Json;

namespace Prow.Clients.Kubernetes.Config;

/// <summary>
/// Runs a kubeconfig exec credential plugin (gke-gcloud-auth-plugin, aws eks get-token, ...) and caches the token it
/// prints until its expirationTimestamp. The plugin gets <c>KUBERNETES_EXEC_INFO</c> as the protocol asks.
/// </summary>
internal sealed class ExecCredentialPlugin(ExecCredentialConfig config) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset? _expires;

    public async Task<string> TokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (refresh || _token is null || (_expires is { } expires && expires <= DateTimeOffset.UtcNow.AddSeconds(10)))
            {
                (_token, _expires) = await RunAsync(cancellationToken);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, DateTimeOffset? Expires)> RunAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Resolve(config.Command))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in config.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in config.Env)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = JsonSerializer.Serialize(new { apiVersion = config.ApiVersion, kind = "ExecCredential", spec = new { interactive = false } });
        using var process = Process.Start(start) ?? throw new KubeConfigException($"exec plugin {config.Command} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new KubeConfigException($"exec plugin {config.Command} exited {process.ExitCode}: {(await stderr).Trim()}");
        }

        try
        {
            using var credential = JsonDocument.Parse(await stdout);
            var status = credential.RootElement.GetProperty("status");
            var token = status.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new KubeConfigException($"exec plugin {config.Command} printed an ExecCredential without status.token");
            }

            return (token, status.TryGetProperty("expirationTimestamp", out var e) && e.ValueKind == JsonValueKind.String ? e.GetDateTimeOffset() : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new KubeConfigException($"exec plugin {config.Command} printed no ExecCredential: {ex.Message}", ex);
        }
    }

    /// <summary>A command with a path part is relative to the kubeconfig's folder; a bare name is looked up on PATH.</summary>
    private string Resolve(string command) =>
        command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(command) && config.BaseDirectory is { } folder
            ? Path.GetFullPath(Path.Combine(folder, command))
            : command;
}
