using System.Diagnostics;
using System.Globalization;

namespace Prow.Bench;

/// <summary>The <c>prow</c> binary beside the benchmark, run as deployed (its own process and GC).</summary>
internal static class ProwProcess
{
    public static Process Start(string folder, string name, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "prow.dll"), "run", "--urls", "http://127.0.0.1:0",
            "--storage", $"sqlite:{Path.Combine(folder, name + ".db")}", "--artifacts", Path.Combine(folder, name + "-artifacts"), .. extra])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static async Task<Uri> ListeningAsync(Process prow)
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

    /// <summary>A size in KB from <c>/proc/PID/status</c>.</summary>
    public static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
