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
        using var prow = ProwProcess.Start(folder, "memory", "--hmac-secret-file", secretFile);
        try
        {
            var address = await ProwProcess.ListeningAsync(prow);
            using (var warm = new HttpClient { BaseAddress = address })
            {
                await warm.GetStringAsync("/healthz");
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var before = ProwProcess.Status(prow.Id, "VmRSS");
            await File.WriteAllTextAsync($"/proc/{prow.Id}/clear_refs", "5");

            var body = new byte[Size];
            body[0] = (byte)'{';
            var started = Stopwatch.GetTimestamp();
            var answers = await Task.WhenAll(Enumerable.Range(0, Posts).Select(i => PostAsync(address, body, i)));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var peak = ProwProcess.Status(prow.Id, "VmHWM");
            var right = ProwProcess.Status(prow.Id, "VmRSS");
            await Task.Delay(TimeSpan.FromSeconds(30));
            var later = ProwProcess.Status(prow.Id, "VmRSS");

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
}
