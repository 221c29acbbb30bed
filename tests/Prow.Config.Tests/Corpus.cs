namespace Prow.Config.Tests;

/// <summary>Finds the shared conformance corpus: ../shared/conformance next to the repository root.</summary>
internal static class Corpus
{
    private static readonly Lazy<string> s_root = new(Find);

    public static string Root => s_root.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("repository root (Directory.Build.props) not found above " + AppContext.BaseDirectory);
        }

        var corpus = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "conformance"));
        return Directory.Exists(corpus) ? corpus : throw new DirectoryNotFoundException(corpus);
    }
}
