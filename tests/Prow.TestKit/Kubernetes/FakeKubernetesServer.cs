using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Prow.TestKit.Kubernetes;

/// <summary>
/// A Kubernetes API server on loopback that speaks enough of core/v1 Pods for a build cluster: create (409 when it
/// exists, 422 when invalid), get, list by label selector, watch (ADDED/MODIFIED/DELETED, BOOKMARK, an ERROR 410
/// for a resourceVersion older than it keeps), delete and logs. Each pod's containers run as local processes. It
/// records every call and fails on demand: stop answering, answer 503, delete a pod, OOM-kill or evict it.
/// </summary>
public sealed partial class FakeKubernetesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Ns, string Name), FakePod> _pods = [];
    private readonly List<(long Version, string Type, JsonObject Pod)> _history = [];
    private readonly List<Channel<(long Version, string Type, JsonObject Pod)>> _watchers = [];
    private readonly List<HttpContext> _openWatches = [];
    private readonly List<string> _calls = [];
    private readonly Dictionary<string, int> _creations = new(StringComparer.Ordinal);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fake-kubernetes-" + Guid.NewGuid().ToString("N"));
    private long _version = 1000;
    private long _oldestKept = 1000;
    private bool _unreachable;

    private FakeKubernetesServer(FakeKubernetesOptions options)
    {
        Options = options;
        _app = LoopbackApp.CreateBuilder(listen =>
        {
            if (options.ServerCertificate is { } certificate)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    if (options.ClientCertificateAuthority is { } ca)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (client, _, _) => IssuedBy(client, ca);
                    }
                });
            }
        }).Build();
        _app.Use(GuardAsync);
        MapRoutes(_app);
    }

    public FakeKubernetesOptions Options { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every call as <c>METHOD path?query</c>, in order (calls refused while unreachable are not seen).</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>When set, the server answers every call with this status (e.g. 503) instead of serving it.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>
    /// A network partition: every connection is dropped unanswered and open watches are cut. Pods keep running,
    /// as they would on a cluster the silo cannot reach.
    /// </summary>
    public bool Unreachable
    {
        get => _unreachable;
        set
        {
            _unreachable = value;
            if (value)
            {
                lock (_lock)
                {
                    _openWatches.ForEach(w => w.Abort());
                }
            }
        }
    }

    public static async Task<FakeKubernetesServer> StartAsync(FakeKubernetesOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeKubernetesServer(options ?? new FakeKubernetesOptions());
        server.BaseAddress = await LoopbackApp.StartAsync(server._app, cancellationToken);
        return server;
    }

    /// <summary>How many times a pod of this name was created (a job that ran twice shows 2).</summary>
    public int CreationsOf(string name)
    {
        lock (_lock)
        {
            return _creations.GetValueOrDefault(name);
        }
    }

    /// <summary>Names of the pods that exist now, in any namespace.</summary>
    public IReadOnlyList<string> PodNames
    {
        get
        {
            lock (_lock)
            {
                return [.. _pods.Keys.Select(k => k.Name)];
            }
        }
    }

    /// <summary>A copy of the pod as the API would show it, or null.</summary>
    public JsonObject? Pod(string ns, string name)
    {
        lock (_lock)
        {
            return _pods.TryGetValue((ns, name), out var pod) ? pod.Object.DeepClone().AsObject() : null;
        }
    }

    /// <summary>Deletes a pod behind the client's back (someone ran kubectl delete).</summary>
    public bool DeletePod(string ns, string name) => Delete(ns, name) is not null;

    public void OomKill(string ns, string name) => Find(ns, name).OomKill();

    public void Evict(string ns, string name, string message = "The node was low on resource: memory.") => Find(ns, name).Evict(message);

    /// <summary>Forgets the event history: watches from any earlier resourceVersion now get 410 Gone.</summary>
    public void Compact()
    {
        lock (_lock)
        {
            _history.Clear();
            _oldestKept = _version;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<FakePod> pods;
        lock (_lock)
        {
            pods = [.. _pods.Values];
            _openWatches.ForEach(w => w.Abort());
        }

        pods.ForEach(p => p.Kill());
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Task.WhenAll(pods.Select(p => p.Run));
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still holds a file; the temp folder is cleaned by the OS.
        }
    }

    private FakePod Find(string ns, string name)
    {
        lock (_lock)
        {
            return _pods.TryGetValue((ns, name), out var pod) ? pod : throw new InvalidOperationException($"no pod {ns}/{name}");
        }
    }

    /// <summary>Applies a status change to a live pod, gives it a new resourceVersion and tells the watchers.</summary>
    private void Publish(FakePod pod, Action<JsonObject> change)
    {
        lock (_lock)
        {
            if (!_pods.TryGetValue((pod.Namespace, pod.Name), out var live) || !ReferenceEquals(live, pod))
            {
                return;
            }

            change(pod.Object["status"]!.AsObject());
            Record("MODIFIED", pod.Object);
        }
    }

    /// <summary>Bumps the version onto the object and fans the event out; the caller holds the lock.</summary>
    private void Record(string type, JsonObject pod)
    {
        pod["metadata"]!["resourceVersion"] = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var snapshot = pod.DeepClone().AsObject();
        _history.Add((_version, type, snapshot));
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite((_version, type, snapshot));
        }
    }

    private FakePod? Delete(string ns, string name)
    {
        FakePod? pod;
        lock (_lock)
        {
            if (!_pods.Remove((ns, name), out pod))
            {
                return null;
            }

            pod.Object["metadata"]!["deletionTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            Record("DELETED", pod.Object);
        }

        pod.Kill();
        return pod;
    }

    private static bool IssuedBy(X509Certificate2? client, X509Certificate2 ca)
    {
        if (client is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(client);
    }
}
