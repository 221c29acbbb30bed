namespace Prow.Silo.Tests;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Examples => System.IO.Path.Combine(Path, "examples");

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Directory.Build.props")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("no Directory.Build.props above the test output");
    }
}
