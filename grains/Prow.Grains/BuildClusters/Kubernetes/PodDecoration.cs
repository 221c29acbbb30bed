using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>
/// Prow's pod utilities, our own way: an init container clones the refs with git into a shared emptyDir (what
/// clonerefs does), and the test container's command runs under a small sh wrapper (what entrypoint does) that
/// enforces decoration_config's timeout (SIGTERM, then SIGKILL after the grace period; SIGINT would be ignored by a
/// background job of a non-interactive sh). The log is the container's own output and the exit code
/// its own, so both survive in the pod until sinker deletes it; the cluster fetches the log when the pod ends.
/// </summary>
internal static class PodDecoration
{
    public const string CodeMount = "/home/prow/go";
    public const string LogsMount = "/logs";
    public const string CloneContainer = "clonerefs";

    /// <summary>Exit status the wrapper uses when it had to stop the command at its timeout (as coreutils timeout does).</summary>
    public const int TimedOutExitCode = 124;

    /// <summary>
    /// The wrapper: $1.. is the command; PROW_TIMEOUT and PROW_GRACE are seconds (0: no timeout). A timeout leaves a
    /// marker in the logs volume, so the exit status says "timed out" whatever the stopped command returned.
    /// </summary>
    private static readonly string s_wrapper = $$"""
        mkdir -p "$ARTIFACTS"
        if [ "$PROW_TIMEOUT" -gt 0 ]; then
          "$@" &
          child=$!
          ( sleep "$PROW_TIMEOUT" >/dev/null 2>&1; : > {{LogsMount}}/timed-out; echo "Process did not finish before its ${PROW_TIMEOUT}s timeout"; kill -TERM "$child" 2>/dev/null; sleep "$PROW_GRACE" >/dev/null 2>&1; kill -KILL "$child" 2>/dev/null ) &
          watchdog=$!
          wait "$child"; code=$?
          kill "$watchdog" 2>/dev/null
          if [ -f {{LogsMount}}/timed-out ]; then exit {{TimedOutExitCode}}; fi
          exit "$code"
        fi
        exec "$@"
        """;

    public static void Apply(JsonObject spec, ProwJob job, TimeSpan? timeout, TimeSpan grace, string gitBaseUrl, string cloneImage, bool skipCloning)
    {
        spec["volumes"] = Append(spec["volumes"], new JsonObject { ["name"] = "code", ["emptyDir"] = new JsonObject() }, new JsonObject { ["name"] = "logs", ["emptyDir"] = new JsonObject() });
        var refs = skipCloning ? [] : (job.Spec.Refs is { } main ? job.Spec.ExtraRefs.Prepend(main) : job.Spec.ExtraRefs).ToList();
        if (refs.Count > 0)
        {
            spec["initContainers"] = Append(spec["initContainers"], new JsonObject
            {
                ["name"] = CloneContainer,
                ["image"] = cloneImage,
                ["command"] = new JsonArray("sh", "-c", CloneScript(refs, gitBaseUrl)),
                ["workingDir"] = CodeMount,
                ["volumeMounts"] = new JsonArray(Mount("code", CodeMount)),
            });
        }

        var workdir = refs.Find(r => r.Workdir) ?? refs.FirstOrDefault();
        var test = spec["containers"]![0]!.AsObject();
        var command = Strings(test["command"]).Concat(Strings(test["args"])).ToList();
        test.Remove("args");
        test["command"] = new JsonArray([.. new[] { "sh", "-c", s_wrapper, "entrypoint" }.Concat(command).Select(s => JsonValue.Create(s))]);
        if (workdir is not null)
        {
            test["workingDir"] = $"{CodeMount}/src/{PathOf(workdir)}";
        }

        test["volumeMounts"] = Append(test["volumeMounts"], Mount("code", CodeMount), Mount("logs", LogsMount));
        test["env"] = Append(
            test["env"],
            Env("GOPATH", CodeMount),
            Env("ARTIFACTS", $"{LogsMount}/artifacts"),
            Env("PROW_TIMEOUT", ((long)(timeout?.TotalSeconds ?? 0)).ToString(CultureInfo.InvariantCulture)),
            Env("PROW_GRACE", ((long)Math.Max(1, grace.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        // Prow gives the pod 1.25 × grace period to stop.
        spec["terminationGracePeriodSeconds"] = (long)Math.Ceiling(grace.TotalSeconds * 1.25);
    }

    /// <summary>Each ref: init, fetch the base, check out the base SHA as the base branch, merge each pull in order.</summary>
    private static string CloneScript(IEnumerable<ProwJobRefs> refs, string gitBaseUrl)
    {
        var script = new StringBuilder("set -eu\n");
        foreach (var r in refs)
        {
            var url = r.CloneUri ?? $"{gitBaseUrl.TrimEnd('/')}/{r.Org}/{r.Repo}.git";
            var target = r.BaseSha ?? "FETCH_HEAD";
            script.Append(CultureInfo.InvariantCulture, $"""
                echo "# Cloning {r.Org}/{r.Repo} at {r.BaseRef}"
                mkdir -p src/{Quote(PathOf(r))} && cd src/{Quote(PathOf(r))}
                git init -q .
                git fetch -q {Quote(url)} {Quote(r.BaseRef)}
                git cat-file -e {Quote(target + "^{commit}")} 2>/dev/null || git fetch -q {Quote(url)} {Quote(target)}
                git checkout -q {Quote(target)} && git branch -f {Quote(r.BaseRef)} {Quote(target)} && git checkout -q {Quote(r.BaseRef)}

                """);
            foreach (var pull in r.Pulls)
            {
                var pullRef = pull.Ref ?? $"pull/{pull.Number.ToString(CultureInfo.InvariantCulture)}/head";
                script.Append(CultureInfo.InvariantCulture, $"""
                    echo "# Merging #{pull.Number} ({pull.Sha})"
                    git fetch -q {Quote(url)} {Quote(pullRef)}
                    git -c user.name=prow -c user.email=prow@localhost merge -q --no-ff --no-edit {Quote(string.IsNullOrEmpty(pull.Sha) ? "FETCH_HEAD" : pull.Sha)}

                    """);
            }

            script.Append("cd " + CodeMount + "\n");
        }

        return script.ToString();
    }

    private static string PathOf(ProwJobRefs r) => r.PathAlias ?? $"github.com/{r.Org}/{r.Repo}";

    /// <summary>Single-quotes a value for sh.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static IEnumerable<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n?.GetValue<string>() ?? "") ?? [];

    private static JsonArray Append(JsonNode? existing, params JsonNode[] items)
    {
        var array = existing?.DeepClone().AsArray() ?? [];
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static JsonObject Mount(string name, string path) => new() { ["name"] = name, ["mountPath"] = path };

    private static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
