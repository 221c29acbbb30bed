using System.Net.Http.Headers;
using Prow.Ingress;

namespace Prow.Gateway.ExternalPlugins;

/// <summary>
/// Posts a stored forward to its external plugin as Prow's hook does: the original body with GitHub's event,
/// delivery and signature headers. Anything but a 2xx answer fails the attempt, so the inbox retries it with backoff
/// (and after a crash, replays it); the forward is complete only once the plugin has taken it.
/// </summary>
internal sealed class ExternalPluginForwarder(HttpClient http, ExternalPluginMetrics metrics) : IIngressHandler
{
    public string Kind => ExternalPluginForward.IngressKind;

    public async Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var forward = ExternalPluginForward.Deserialize(entry.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, forward.Endpoint) { Content = new ReadOnlyMemoryContent(forward.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("ProwHook");
        request.Headers.Add("X-GitHub-Event", forward.EventName);
        request.Headers.Add("X-GitHub-Delivery", forward.DeliveryId);
        request.Headers.Add("X-Hub-Signature-256", forward.Signature);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            metrics.Failed(forward.Plugin, forward.Endpoint);
            throw new ExternalPluginException($"forwarding {forward}: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                metrics.Failed(forward.Plugin, forward.Endpoint);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new ExternalPluginException($"forwarding {forward}: the plugin answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 200)]}");
            }
        }

        metrics.Forwarded(forward.Plugin, forward.Endpoint);
    }
}
