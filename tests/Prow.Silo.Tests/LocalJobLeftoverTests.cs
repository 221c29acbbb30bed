using System.Globalization;
using System.Text.Json;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// prow killed with SIGKILL while a local job runs leaves the job's processes (its shell and what the shell started)
/// running; the next prow on the same folder kills them and ends the job as error.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class LocalJobLeftoverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledProw_LeavesJobProcesses_TheRestartKillsThem_AndEndsTheJobAsError()
    {
        var pids = Path.Combine(_folder.Path, "pids");
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, $$"""
            periodics:
            - name: sleeper
              interval: 24h
              spec: {containers: [{image: alpine, command: [sh, -c, 'sleep 600 & echo $$ $! > {{pids}}.tmp; mv {{pids}}.tmp {{pids}}; wait']}]}
            """);
        string[] args = ["--job-config-path", jobs];
        int[] processes;
        await using (var prow = await ProwProcess.StartAsync(_folder.Path, args))
        {
            await Poll.UntilAsync(() => File.Exists(pids));
            processes = [.. (await File.ReadAllTextAsync(pids)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
            Assert.Equal(0, ProwProcess.SendSignal(prow.Id, 9));
            await prow.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        try
        {
            Assert.Equal(2, processes.Length);
            Assert.All(processes, p => Assert.True(IsRunning(p), $"process {p} of the job ended with prow"));

            await using var restarted = await ProwProcess.StartAsync(_folder.Path, args);
            await Poll.UntilAsync(() => processes.All(p => !IsRunning(p)));
            await Poll.UntilAsync(async () => await StateAsync(restarted.Client, "sleeper") == "error");
            Assert.Contains(restarted.Output, line => line.Contains("Killed the processes of 1 local jobs a previous prow left running", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var process in processes.Where(IsRunning))
            {
                ProwProcess.SendSignal(process, 9);
            }
        }
    }

    /// <summary>Alive and not a zombie waiting for a parent that is gone to reap it.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<string?> StateAsync(HttpClient site, string job)
    {
        using var document = JsonDocument.Parse(await site.GetStringAsync("/prowjobs.js"));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("spec").GetProperty("job").GetString() == job)
            .Select(item => item.GetProperty("status").GetProperty("state").GetString())
            .FirstOrDefault();
    }
}
