using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.TestKit.Kubernetes;

public sealed partial class FakeKubernetesServer
{
    private const string PodsRoute = "/api/v1/namespaces/{ns}/pods";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    private void MapRoutes(WebApplication app)
    {
        app.MapPost(PodsRoute, CreateAsync);
        app.MapGet(PodsRoute, (HttpContext http, string ns) => http.Request.Query["watch"] == "true" ? WatchAsync(http, ns) : ListAsync(http, ns));
        app.MapGet(PodsRoute + "/{name}", (HttpContext http, string ns, string name) =>
        {
            var pod = Pod(ns, name);
            return pod is null ? NotFound(http, name) : WriteAsync(http, HttpStatusCode.OK, pod);
        });
        app.MapDelete(PodsRoute + "/{name}", (HttpContext http, string ns, string name) =>
            Delete(ns, name) is { } pod ? WriteAsync(http, HttpStatusCode.OK, pod.Object) : NotFound(http, name));
        app.MapGet(PodsRoute + "/{name}/log", LogAsync);
    }

    private async Task GuardAsync(HttpContext http, Func<Task> next)
    {
        if (Unreachable)
        {
            http.Abort();
            return;
        }

        lock (_lock)
        {
            _calls.Add($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
        }

        if (FailWith is { } failure)
        {
            await StatusAsync(http, failure, "ServiceUnavailable", "the fake API server was told to fail");
            return;
        }

        if (Options.RequiredToken is { } token && http.Request.Headers.Authorization != $"Bearer {token}")
        {
            await StatusAsync(http, HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized");
            return;
        }

        await next();
    }

    private async Task CreateAsync(HttpContext http, string ns)
    {
        var pod = (await JsonNode.ParseAsync(http.Request.Body))?.AsObject();
        var name = pod?["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (pod is null || name.Length is 0 or > 253 || !DnsSubdomain().IsMatch(name))
        {
            await StatusAsync(http, HttpStatusCode.UnprocessableEntity, "Invalid", $"Pod \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'");
            return;
        }

        if (pod["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            await StatusAsync(http, HttpStatusCode.UnprocessableEntity, "Invalid", $"Pod \"{name}\" is invalid: spec.containers: Required value");
            return;
        }

        pod["metadata"]!["namespace"] = ns;
        pod["metadata"]!["uid"] = Guid.NewGuid().ToString();
        pod["metadata"]!["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        pod["status"] = new JsonObject { ["phase"] = "Pending" };
        FakePod created;
        lock (_lock)
        {
            if (_pods.ContainsKey((ns, name)))
            {
                created = null!;
            }
            else
            {
                created = new FakePod(pod, Path.Combine(_folder, ns, name + "-" + Guid.NewGuid().ToString("N")[..8]), Publish);
                _pods[(ns, name)] = created;
                _creations[name] = _creations.GetValueOrDefault(name) + 1;
                Record("ADDED", pod);
            }
        }

        if (created is null)
        {
            await StatusAsync(http, HttpStatusCode.Conflict, "AlreadyExists", $"pods \"{name}\" already exists");
            return;
        }

        created.Start(Options);
        await WriteAsync(http, HttpStatusCode.Created, Pod(ns, name) ?? pod);
    }

    private Task ListAsync(HttpContext http, string ns)
    {
        var selector = http.Request.Query["labelSelector"].ToString();
        JsonObject list;
        lock (_lock)
        {
            var items = _pods.Values.Where(p => p.Namespace == ns && LabelSelector.Matches(selector, p.Labels)).Select(p => (JsonNode)p.Object.DeepClone());
            list = new JsonObject
            {
                ["kind"] = "PodList",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject { ["resourceVersion"] = _version.ToString(CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray([.. items]),
            };
        }

        return WriteAsync(http, HttpStatusCode.OK, list);
    }

    private async Task WatchAsync(HttpContext http, string ns)
    {
        var query = http.Request.Query;
        var selector = query["labelSelector"].ToString();
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var timeout = TimeSpan.FromSeconds(int.TryParse(query["timeoutSeconds"], out var s) ? s : 1800);
        var channel = Channel.CreateUnbounded<(long Version, string Type, JsonObject Pod)>();
        long from;
        List<(long Version, string Type, JsonObject Pod)> backlog;
        lock (_lock)
        {
            var asked = query["resourceVersion"].ToString();
            if (asked is { Length: > 0 } && asked != "0" && long.TryParse(asked, out var version))
            {
                if (version < _oldestKept)
                {
                    backlog = [];
                    from = -1;
                }
                else
                {
                    backlog = [.. _history.Where(h => h.Version > version)];
                    from = version;
                }
            }
            else
            {
                // No version: the current state as ADDED events, then changes.
                backlog = [.. _pods.Values.Select(p => (_version, "ADDED", p.Object.DeepClone().AsObject()))];
                from = _version;
            }

            if (from >= 0)
            {
                _watchers.Add(channel);
                _openWatches.Add(http);
            }
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        if (from < 0)
        {
            await WriteEventAsync(http, "ERROR", Status(HttpStatusCode.Gone, "Expired", $"too old resource version: {query["resourceVersion"]} ({_oldestKept})"));
            return;
        }

        try
        {
            var last = from;
            foreach (var (version, type, pod) in backlog.Where(b => Visible(b.Pod, ns, selector)))
            {
                last = Math.Max(last, version);
                await WriteEventAsync(http, type, pod);
            }

            using var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            ends.CancelAfter(timeout);
            while (!ends.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ends.Token);
                idle.CancelAfter(Options.BookmarkInterval);
                try
                {
                    var (version, type, pod) = await channel.Reader.ReadAsync(idle.Token);
                    last = version;
                    if (Visible(pod, ns, selector))
                    {
                        await WriteEventAsync(http, type, pod);
                    }
                }
                catch (OperationCanceledException) when (!ends.IsCancellationRequested && bookmarks)
                {
                    await WriteEventAsync(http, "BOOKMARK", new JsonObject
                    {
                        ["kind"] = "Pod",
                        ["apiVersion"] = "v1",
                        ["metadata"] = new JsonObject { ["resourceVersion"] = last.ToString(CultureInfo.InvariantCulture) },
                    });
                }
                catch (OperationCanceledException) when (!ends.IsCancellationRequested)
                {
                    // Idle without bookmarks: keep waiting.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out or the client went away: the stream simply ends.
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(channel);
                _openWatches.Remove(http);
            }
        }
    }

    private async Task LogAsync(HttpContext http, string ns, string name)
    {
        FakePod? pod;
        lock (_lock)
        {
            _pods.TryGetValue((ns, name), out pod);
        }

        if (pod is null)
        {
            await NotFound(http, name);
            return;
        }

        var container = http.Request.Query["container"].ToString();
        if (container.Length == 0)
        {
            if (pod.ContainerNames.Count != 1)
            {
                await StatusAsync(http, HttpStatusCode.BadRequest, "BadRequest", $"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', pod.ContainerNames)}]");
                return;
            }

            container = pod.ContainerNames[0];
        }

        if (pod.LogOf(container) is not { } log)
        {
            await StatusAsync(http, HttpStatusCode.BadRequest, "BadRequest", $"container {container} is not valid for pod {name}");
            return;
        }

        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync(log);
    }

    private static bool Visible(JsonObject pod, string ns, string selector) =>
        pod["metadata"]?["namespace"]?.GetValue<string>() == ns
        && LabelSelector.Matches(selector, pod["metadata"]?["labels"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal) ?? []);

    private static async Task WriteEventAsync(HttpContext http, string type, JsonObject body)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = body.DeepClone() }.ToJsonString() + "\n";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line));
        await http.Response.Body.FlushAsync();
    }

    private static Task NotFound(HttpContext http, string name) => StatusAsync(http, HttpStatusCode.NotFound, "NotFound", $"pods \"{name}\" not found");

    private static Task StatusAsync(HttpContext http, HttpStatusCode code, string reason, string message) => WriteAsync(http, code, Status(code, reason, message));

    private static JsonObject Status(HttpStatusCode code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = (int)code,
    };

    private static async Task WriteAsync(HttpContext http, HttpStatusCode code, JsonObject body)
    {
        http.Response.StatusCode = (int)code;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }
}
