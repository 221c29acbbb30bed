using System.Net;
using System.Net.Http.Headers;

namespace Prow.Clients.Kubernetes.Config;

/// <summary>
/// Puts the bearer token on each request: the kubeconfig's token, its token file (read fresh so rotation is seen),
/// or an exec plugin's token (cached until it expires; a 401 runs the plugin again once).
/// </summary>
internal sealed class KubernetesAuthHandler(KubernetesClusterConfig cluster) : DelegatingHandler
{
    private readonly ExecCredentialPlugin? _exec = cluster.Exec is { } exec ? new ExecCredentialPlugin(exec) : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(refresh: false, cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _exec is not null && request.Content is null)
        {
            response.Dispose();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(refresh: true, cancellationToken));
            response = await base.SendAsync(request, cancellationToken);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _exec?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string?> TokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_exec is not null)
        {
            return await _exec.TokenAsync(refresh, cancellationToken);
        }

        if (cluster.BearerTokenFile is { } file)
        {
            return (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        }

        return cluster.BearerToken;
    }
}
