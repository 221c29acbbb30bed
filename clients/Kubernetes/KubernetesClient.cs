using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Prow.Clients.Kubernetes.Config;
using Prow.Clients.Kubernetes.Models;

namespace Prow.Clients.Kubernetes;

/// <summary>
/// The core/v1 Pod API of one cluster over HttpClient: create, get, list by label selector, watch, delete, logs.
/// A refused call throws <see cref="KubernetesApiException"/> carrying the server's Status; a cluster that does not
/// answer throws <see cref="HttpRequestException"/> or <see cref="TimeoutException"/>.
/// </summary>
public sealed class KubernetesClient : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;

    public KubernetesClient(KubernetesClusterConfig cluster, TimeSpan? requestTimeout = null)
        : this(cluster, KubernetesHttpHandler.Create(cluster), requestTimeout)
    {
    }

    /// <param name="handler">The transport (TLS and authentication); disposed with this client.</param>
    public KubernetesClient(KubernetesClusterConfig cluster, HttpMessageHandler handler, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Cluster = cluster;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        // Watches stay open for minutes: each ordinary call gets its own deadline instead of HttpClient.Timeout.
        _http = new HttpClient(handler) { BaseAddress = cluster.Server, Timeout = Timeout.InfiniteTimeSpan };
    }

    public KubernetesClusterConfig Cluster { get; }

    public Task<Pod> CreatePodAsync(string ns, Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return SendAsync<Pod>(HttpMethod.Post, PodsPath(ns), $"create pod {ns}/{pod.Metadata.Name}", JsonContent.Create(pod, options: s_json), cancellationToken)!;
    }

    /// <summary>The pod, or null when there is none.</summary>
    public async Task<Pod?> GetPodAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<Pod>(HttpMethod.Get, $"{PodsPath(ns)}/{Uri.EscapeDataString(name)}", $"get pod {ns}/{name}", null, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<PodList> ListPodsAsync(string ns, string? labelSelector, CancellationToken cancellationToken) =>
        SendAsync<PodList>(HttpMethod.Get, PodsPath(ns) + Query(("labelSelector", labelSelector)), $"list pods in {ns}", null, cancellationToken)!;

    /// <summary>Deletes the pod; false when it was already gone.</summary>
    public async Task<bool> DeletePodAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<Pod>(HttpMethod.Delete, $"{PodsPath(ns)}/{Uri.EscapeDataString(name)}", $"delete pod {ns}/{name}", null, cancellationToken);
            return true;
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>A container's log (its stdout and stderr), as the kubelet kept it.</summary>
    public async Task<string> GetPodLogsAsync(string ns, string name, string? container, CancellationToken cancellationToken)
    {
        var what = $"logs of pod {ns}/{name}";
        using var deadline = Deadline(cancellationToken);
        try
        {
            using var response = await _http.GetAsync($"{PodsPath(ns)}/{Uri.EscapeDataString(name)}/log" + Query(("container", container)), deadline.Token);
            await ThrowIfFailedAsync(response, what, deadline.Token);
            return await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unanswered(what);
        }
    }

    /// <summary>
    /// Watches pods from a resourceVersion (from a list or a bookmark) until the server ends the stream or the token
    /// fires. A resourceVersion the server no longer keeps throws a <see cref="KubernetesApiException"/> whose
    /// <see cref="KubernetesApiException.IsGone"/> is true: list again and watch from the list's version.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchPodsAsync(string ns, string? labelSelector, string? resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var what = $"watch pods in {ns}";
        var path = PodsPath(ns) + Query(
            ("watch", "true"),
            ("allowWatchBookmarks", "true"),
            ("labelSelector", labelSelector),
            ("resourceVersion", resourceVersion),
            ("timeoutSeconds", ((int)Math.Max(1, timeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The server ends the stream after timeoutSeconds; the local deadline catches a server that went silent.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + _requestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        await ThrowIfFailedAsync(response, what, deadline.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        while (await ReadLineAsync(reader, deadline.Token, cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var type = document.RootElement.GetProperty("type").GetString() ?? "";
            var body = document.RootElement.GetProperty("object");
            if (type == WatchEvent.Error)
            {
                var status = body.Deserialize<KubernetesStatus>(s_json) ?? new KubernetesStatus();
                throw new KubernetesApiException(Cluster.Name, what, (HttpStatusCode)status.Code, status.Reason, status.Message);
            }

            yield return new WatchEvent(type, body.Deserialize<Pod>(s_json)!);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken deadline, CancellationToken caller)
    {
        try
        {
            return await reader.ReadLineAsync(deadline);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new TimeoutException("The watch stream went silent past its deadline.");
        }
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, string what, HttpContent? content, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            using var response = await _http.SendAsync(request, deadline.Token);
            await ThrowIfFailedAsync(response, what, deadline.Token);
            return await response.Content.ReadFromJsonAsync<T>(s_json, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unanswered(what);
        }
    }

    private TimeoutException Unanswered(string what) => new($"Kubernetes cluster {Cluster.Name}: {what} got no answer within {_requestTimeout.TotalSeconds:0} s.");

    private async Task ThrowIfFailedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        KubernetesStatus? status = null;
        try
        {
            status = JsonSerializer.Deserialize<KubernetesStatus>(text, s_json);
        }
        catch (JsonException)
        {
            // Not a Status (a proxy's error page): the raw text is the message.
        }

        throw new KubernetesApiException(Cluster.Name, what, response.StatusCode, status?.Reason, status?.Message ?? (text.Length > 0 ? text : null));
    }

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_requestTimeout);
        return deadline;
    }

    private static string PodsPath(string ns) => $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods";

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }
}
