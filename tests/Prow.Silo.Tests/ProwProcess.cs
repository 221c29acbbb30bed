using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Prow.Silo.Tests;

/// <summary>The real <c>prow</c> executable as a child process, for tests that kill it.</summary>
internal sealed partial class ProwProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output;

    private ProwProcess(Process process, Uri address, List<string> output)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    /// <summary>Every line prow has written so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public static async Task<ProwProcess> StartAsync(string folder, params string[] extraArgs)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "hmac"), Webhooks.Secret);
        await File.WriteAllTextAsync(Path.Combine(folder, "admin-token"), "admin-secret");
        return await StartWithArgumentsAsync(folder, ["run", "--urls", "http://127.0.0.1:0", "--storage", $"sqlite:{Path.Combine(folder, "prow.db")}",
            "--hmac-secret-file", Path.Combine(folder, "hmac"), "--admin-token-file", Path.Combine(folder, "admin-token"), .. extraArgs]);
    }

    /// <summary>Starts <c>prow</c> in <paramref name="folder"/> with exactly these arguments (one must be <c>--urls</c> with port 0 or a free port).</summary>
    public static async Task<ProwProcess> StartWithArgumentsAsync(string folder, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "prow.dll"), .. arguments])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("prow exited before listening: " + string.Join('\n', lines)));
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            const string Marker = "prow: listening on ";
            if (e.Data.StartsWith(Marker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(e.Data[Marker.Length..].Split(' ')[0]));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new ProwProcess(process, address, lines);
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Terminate() => Assert.Equal(0, SendSignal(_process.Id, 15));

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>The repository grain's persisted state, read through the admin API; null while none is stored.</summary>
    public async Task<JsonElement?> RepositoryStateAsync(string repository)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/api/grains/repository/{Uri.EscapeDataString(repository)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "admin-secret");
        var response = await Client.SendAsync(request);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("state") : null;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int SendSignal(int pid, int signal);
}
