using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Prow.Bench;

/// <summary>
/// 24 wrongly signed 25 MB webhooks posted at once to the real <c>prow</c> process (its own Server GC, as deployed):
/// how far its resident memory rises (peak, from the kernel's high-water mark) and what it still holds afterwards.
/// </summary>
internal static class HookMemoryBenchmark
{
    private const int Posts = 24;
    private const int Size = 25 * 1024 * 1024;

    public static async Task RunAsync(string folder)
    {
        var secretFile = Path.Combine(folder, "memory-hmac");
        await File.WriteAllTextAsync(secretFile, "bench-secret");
        using var prow = StartProw(folder, secretFile);
        try
        {
            var address = await ListeningAsync(prow);
            using (var warm = new HttpClient { BaseAddress = address })
            {
                await warm.GetStringAsync("/healthz");
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var before = Status(prow.Id, "VmRSS");
            await File.WriteAllTextAsync($"/proc/{prow.Id}/clear_refs", "5");

            var body = new byte[Size];
            body[0] = (byte)'{';
            var started = Stopwatch.GetTimestamp();
            var answers = await Task.WhenAll(Enumerable.Range(0, Posts).Select(i => PostAsync(address, body, i)));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var peak = Status(prow.Id, "VmHWM");
            var right = Status(prow.Id, "VmRSS");
            await Task.Delay(TimeSpan.FromSeconds(30));
            var later = Status(prow.Id, "VmRSS");

            Measure.Report($"{Posts} x 25 MB wrongly signed: answers", string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Count()} x {g.Key}")));
            Measure.Report("  resident memory before", $"{before / 1024:N0} MB");
            Measure.Report("  peak growth (VmHWM - before)", $"{(peak - before) / 1024:N0} MB in {elapsed.TotalSeconds:F1} s");
            Measure.Report("  growth held right after / 30 s later", $"{(right - before) / 1024:N0} MB / {(later - before) / 1024:N0} MB");
        }
        finally
        {
            prow.Kill(entireProcessTree: true);
            await prow.WaitForExitAsync();
        }
    }

    private static Process StartProw(string folder, string secretFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "prow.dll"), "run", "--urls", "http://127.0.0.1:0",
            "--storage", $"sqlite:{Path.Combine(folder, "memory.db")}", "--hmac-secret-file", secretFile, "--artifacts", Path.Combine(folder, "memory-artifacts")])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<Uri> ListeningAsync(Process prow)
    {
        const string Marker = "prow: listening on ";
        while (await prow.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                _ = prow.StandardOutput.ReadToEndAsync();
                _ = prow.StandardError.ReadToEndAsync();
                return new Uri(line[Marker.Length..].Split(' ')[0]);
            }
        }

        throw new InvalidOperationException("prow exited before listening: " + await prow.StandardError.ReadToEndAsync());
    }

    /// <summary>One post over its own connection; the status code of the answer.</summary>
    private static async Task<int> PostAsync(Uri address, byte[] body, int i)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        var head = "POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-GitHub-Event: issue_comment\r\n"
            + $"X-GitHub-Delivery: memory-{i}\r\nX-Hub-Signature-256: sha256={new string('a', 64)}\r\nContent-Length: {body.Length}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        var sending = socket.SendAsync(body);
        var buffer = new byte[4096];
        var read = await socket.ReceiveAsync(buffer);
        try
        {
            await sending;
        }
        catch (SocketException)
        {
            // Answered before the whole body went out (a refusal from the headers): the server closed the connection.
        }

        var status = Encoding.ASCII.GetString(buffer, 0, read).Split(' ');
        return status.Length > 1 ? int.Parse(status[1], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>A size in KB from <c>/proc/PID/status</c>.</summary>
    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
