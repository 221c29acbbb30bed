using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Prow.TestKit.Kubernetes;

/// <summary>
/// One container of a fake pod as a local process: its command and args run (the image is ignored) with its env,
/// in its working directory. Volume mount paths are mapped to the pod's folders by rewriting them wherever they
/// appear in the working directory, command, args and env — the fake kubelet's stand-in for mounts.
/// </summary>
internal sealed class FakeContainerProcess
{
    private readonly StringBuilder _log = new();
    private readonly Lock _lock = new();
    private Process? _process;

    public FakeContainerProcess(string name) => Name = name;

    public string Name { get; }

    public string Log
    {
        get
        {
            lock (_lock)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Runs the container to its end; the exit code (127 when the command cannot start).</summary>
    public async Task<int> RunAsync(JsonObject container, IReadOnlyList<(string MountPath, string HostPath)> mounts, string podFolder, CancellationToken cancellationToken)
    {
        string Map(string value) => mounts.Aggregate(value, (v, m) => v.Replace(m.MountPath, m.HostPath, StringComparison.Ordinal));
        var command = Strings(container["command"]).Concat(Strings(container["args"])).Select(Map).ToList();
        if (command.Count == 0)
        {
            Append("fake kubelet: the container has no command (images are not run here)\n");
            return 127;
        }

        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = container["workingDir"]?.GetValue<string>() is { } dir ? Map(dir) : podFolder,
        };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        // A container has a home of its own: whatever a pod writes there (git config --global, caches) must not
        // reach the machine's user, as it once did when a clone script set a global git identity.
        start.Environment["HOME"] = Path.Combine(podFolder, "home");
        Directory.CreateDirectory(start.Environment["HOME"]!);
        foreach (var env in container["env"]?.AsArray() ?? [])
        {
            start.Environment[env!["name"]!.GetValue<string>()] = Map(env["value"]?.GetValue<string>() ?? "");
        }

        try
        {
            Directory.CreateDirectory(start.WorkingDirectory);
            lock (_lock)
            {
                _process = Process.Start(start);
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            Append($"fake kubelet: cannot start {command[0]}: {ex.Message}\n");
            return 127;
        }

        var process = _process!;
        var output = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
        await using (cancellationToken.Register(Kill))
        {
            await process.WaitForExitAsync(CancellationToken.None);
            // A container ends with its main process; orphans still holding the pipes do not keep it alive.
            await Task.WhenAny(output, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
        }

        return process.ExitCode;
    }

    /// <summary>Kills the process tree (eviction, OOM, deletion).</summary>
    public void Kill()
    {
        lock (_lock)
        {
            try
            {
                if (_process is { HasExited: false } process)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n?.GetValue<string>() ?? "") ?? [];

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            Append(new string(buffer, 0, read));
        }
    }

    private void Append(string text)
    {
        lock (_lock)
        {
            _log.Append(text);
        }
    }
}
