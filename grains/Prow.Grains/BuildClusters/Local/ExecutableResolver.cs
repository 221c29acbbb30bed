namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// Finds the job's executable the way execvp would, before starting it. The job starts through setsid and sh, so a
/// missing or non-executable file would otherwise surface only as exit status 127/126, indistinguishable from the
/// command's own; resolving first lets "could not start" be an error, as in Prow's entrypoint.
/// </summary>
internal static class ExecutableResolver
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The full path of the executable, or the reason it cannot be started.</summary>
    public static (string? Path, string? Error) Resolve(string executable, string workingDirectory, string? searchPath)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(executable, workingDirectory);
            return Check(path) is { } error ? (null, $"{executable}: {error}") : (path, null);
        }

        string? firstError = null;
        foreach (var folder in (searchPath ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(Path.GetFullPath(folder, workingDirectory), executable);
            if (!File.Exists(candidate))
            {
                continue;
            }

            if (Check(candidate) is not { } error)
            {
                return (candidate, null);
            }

            firstError ??= $"{candidate}: {error}";
        }

        return (null, firstError ?? $"\"{executable}\": executable file not found in $PATH");
    }

    /// <summary>Null when the file looks runnable. Execute bits only: root runs anything with one bit set.</summary>
    public static string? Check(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a directory";
        }

        if (!File.Exists(path))
        {
            return "no such file or directory";
        }

        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & AnyExecute) == 0 ? "permission denied" : null;
    }
}
