using System.Globalization;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>What Linux's /proc says of a process: when it started, so a reused process id is told apart from the one recorded.</summary>
internal static class ProcessStat
{
    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/PID/stat); null when it is gone or a zombie.</summary>
    public static long? StartTicks(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces; the fields after it start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && fields[0] != "Z" && long.TryParse(fields[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    /// <summary>This boot's id: records from before a reboot name processes that no longer exist.</summary>
    public static string BootId()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
