using System.Runtime.InteropServices;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// kill(2) on a process group. .NET can only SIGKILL one process or its tree; a job needs SIGTERM first (a chance to
/// clean up) and must reach children that were re-parented after their parent died, which only the group does.
/// DllImport rather than LibraryImport: the latter needs unsafe blocks, which this project does not allow.
/// </summary>
internal static class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends a signal to every process in the group; false when the group is gone (ESRCH) or kill failed.</summary>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        if (processGroupId <= 1)
        {
            return false; // kill(0) and kill(-1) would hit the runner itself or every process.
        }

        try
        {
            return NativeMethods.Kill(-processGroupId, signal) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Sends a signal to one process; false when it is gone or kill failed.</summary>
    public static bool SignalProcess(int processId, int signal)
    {
        if (processId <= 1)
        {
            return false;
        }

        try
        {
            return NativeMethods.Kill(processId, signal) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
