using System.Diagnostics;
using System.Globalization;

namespace Prow.Grains.Tests.BuildClusters;

/// <summary>Whether a process a job started is still running.</summary>
internal static class ProcessProbe
{
    /// <summary>
    /// kill -0 says whether the pid exists; a zombie (killed, but not yet reaped because the container's init does
    /// not reap orphans) exists yet runs nothing, so it counts as gone.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-0", pid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The pid a job wrote to a file (its child), written before the run ended.</summary>
    public static int ReadPid(string path)
    {
        var text = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        Assert.False(string.IsNullOrEmpty(text), $"the job did not write its child's pid to {path}");
        return int.Parse(text, CultureInfo.InvariantCulture);
    }
}
