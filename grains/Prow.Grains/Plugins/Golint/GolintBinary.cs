namespace Prow.Grains.Plugins.Golint;

/// <summary>Finds the <c>golint</c> executable on a PATH, as a shell would: the first directory holding one.</summary>
public sealed class GolintBinary(Func<string?> pathVariable)
{
    public const string Name = "golint";

    /// <summary>The golint on the PATH of this process.</summary>
    public static GolintBinary FromEnvironment { get; } = new(() => Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The full path of the golint found, or null when no directory of the PATH holds an executable one.</summary>
    public string? Find()
    {
        foreach (var directory in (pathVariable() ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }
}
