using System.Globalization;
using System.Text.Json.Nodes;

namespace Prow.TestKit.Kubernetes;

/// <summary>
/// A pod in the fake cluster and its life: Pending (pulling), init containers one by one, then Running with every
/// container at once, then Succeeded or Failed with each container's exit code. Status changes go through
/// <c>publish</c>, which gives them a resourceVersion and tells the watchers.
/// </summary>
internal sealed class FakePod
{
    private readonly Action<FakePod, Action<JsonObject>> _publish;
    private readonly CancellationTokenSource _kill = new();
    private readonly Dictionary<string, FakeContainerProcess> _containers = new(StringComparer.Ordinal);
    private readonly string _folder;

    public FakePod(JsonObject pod, string folder, Action<FakePod, Action<JsonObject>> publish)
    {
        Object = pod;
        _folder = folder;
        _publish = publish;
    }

    /// <summary>The pod as the API shows it (mutated only under the server's lock).</summary>
    public JsonObject Object { get; }

    public string Namespace => Object["metadata"]!["namespace"]!.GetValue<string>();

    public string Name => Object["metadata"]!["name"]!.GetValue<string>();

    public Task Run { get; private set; } = Task.CompletedTask;

    public IReadOnlyDictionary<string, string> Labels =>
        Object["metadata"]!["labels"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal) ?? [];

    public string? LogOf(string container) => _containers.TryGetValue(container, out var c) ? c.Log : null;

    public IReadOnlyList<string> ContainerNames => [.. Containers("containers").Select(c => c["name"]!.GetValue<string>())];

    public void Start(FakeKubernetesOptions options)
    {
        var all = Containers("initContainers").Concat(Containers("containers")).ToList();
        foreach (var c in all)
        {
            _containers[c["name"]!.GetValue<string>()] = new FakeContainerProcess(c["name"]!.GetValue<string>());
        }

        var wanted = Object["spec"]!["nodeSelector"]?.AsObject().Select(p => (p.Key, Value: p.Value?.GetValue<string>())).ToList() ?? [];
        if (wanted.Find(w => options.NodeLabels.GetValueOrDefault(w.Key) != w.Value) is { Key: not null } missing)
        {
            // No node matches: the scheduler leaves it Pending with no startTime, saying why.
            _publish(this, status => status["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "PodScheduled",
                ["status"] = "False",
                ["reason"] = "Unschedulable",
                ["message"] = $"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector ({missing.Key}={missing.Value}).",
            }));
            return;
        }

        if (all.Find(c => c["image"]?.GetValue<string>()?.StartsWith(options.UnpullableImagePrefix, StringComparison.Ordinal) == true) is { } unpullable)
        {
            // Scheduled (so it has a startTime) but never running.
            _publish(this, status =>
            {
                status["startTime"] = Now();
                status["containerStatuses"] = Statuses("containers", _ => Waiting("ImagePullBackOff", $"Back-off pulling image \"{unpullable["image"]}\""));
            });
            return;
        }

        Run = Task.Run(RunAsync);
    }

    /// <summary>The node ran out of memory for this pod: its processes die and it fails as OOMKilled.</summary>
    public void OomKill() => Terminate(status =>
    {
        status["phase"] = "Failed";
        status["containerStatuses"] = Statuses("containers", _ => Terminated(137, "OOMKilled"));
    });

    public void Evict(string message) => Terminate(status =>
    {
        status["phase"] = "Failed";
        status["reason"] = "Evicted";
        status["message"] = message;
        status["containerStatuses"] = Statuses("containers", _ => Terminated(137, "Error"));
    });

    /// <summary>Stops the processes without a status change (the pod is being deleted).</summary>
    public void Kill()
    {
        _kill.Cancel();
        foreach (var c in _containers.Values)
        {
            c.Kill();
        }
    }

    private void Terminate(Action<JsonObject> status)
    {
        Kill();
        _publish(this, status);
    }

    private async Task RunAsync()
    {
        var mounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in Object["spec"]!["volumes"]?.AsArray() ?? [])
        {
            var host = Path.Combine(_folder, "volumes", volume!["name"]!.GetValue<string>());
            Directory.CreateDirectory(host);
            mounts[volume["name"]!.GetValue<string>()] = host;
        }

        _publish(this, status =>
        {
            status["phase"] = "Pending";
            status["startTime"] = Now();
            status["containerStatuses"] = Statuses("containers", _ => Waiting("PodInitializing", null));
        });
        var init = new JsonArray();
        foreach (var container in Containers("initContainers"))
        {
            var code = await RunContainerAsync(container, mounts);
            if (_kill.IsCancellationRequested)
            {
                return;
            }

            init.Add(new JsonObject { ["name"] = container["name"]!.DeepClone(), ["state"] = Terminated(code, code == 0 ? "Completed" : "Error") });
            if (code != 0)
            {
                _publish(this, status =>
                {
                    status["phase"] = "Failed";
                    status["initContainerStatuses"] = init.DeepClone();
                });
                return;
            }
        }

        _publish(this, status =>
        {
            status["phase"] = "Running";
            status["initContainerStatuses"] = init.DeepClone();
            status["containerStatuses"] = Statuses("containers", _ => new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Now() } });
        });
        var codes = await Task.WhenAll(Containers("containers").Select(c => RunContainerAsync(c, mounts)));
        if (_kill.IsCancellationRequested)
        {
            return;
        }

        var index = 0;
        _publish(this, status =>
        {
            status["phase"] = codes.All(c => c == 0) ? "Succeeded" : "Failed";
            status["containerStatuses"] = Statuses("containers", _ => Terminated(codes[index], codes[index++] == 0 ? "Completed" : "Error"));
        });
    }

    private Task<int> RunContainerAsync(JsonObject container, Dictionary<string, string> volumes)
    {
        var mounts = (container["volumeMounts"]?.AsArray() ?? [])
            .Select(m => (MountPath: m!["mountPath"]!.GetValue<string>(), HostPath: volumes.GetValueOrDefault(m["name"]!.GetValue<string>()) ?? _folder))
            .OrderByDescending(m => m.MountPath.Length)
            .ToList();
        return _containers[container["name"]!.GetValue<string>()].RunAsync(container, mounts, _folder, _kill.Token);
    }

    private IEnumerable<JsonObject> Containers(string field) => Object["spec"]![field]?.AsArray().Select(c => c!.AsObject()) ?? [];

    private JsonArray Statuses(string field, Func<JsonObject, JsonObject> state) =>
        [.. Containers(field).Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c["name"]!.DeepClone(),
            ["image"] = c["image"]?.DeepClone(),
            ["ready"] = false,
            ["restartCount"] = 0,
            ["state"] = state(c),
        })];

    private static JsonObject Waiting(string reason, string? message) => new() { ["waiting"] = new JsonObject { ["reason"] = reason, ["message"] = message } };

    private static JsonObject Terminated(int code, string reason) =>
        new() { ["terminated"] = new JsonObject { ["exitCode"] = code, ["reason"] = reason, ["finishedAt"] = Now() } };

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
