namespace Prow.Config.Tests;

/// <summary>Finds the conformance corpus: testdata/conformance in the repository (a copy of real Prow configs, sources in its SOURCE.md).</summary>
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

        if (dir is null)
        {
            throw new InvalidOperationException("repository root (Directory.Build.props) not found above " + AppContext.BaseDirectory);
        }

        var inRepository = System.IO.Path.Combine(dir.FullName, "testdata", "conformance");
        return Directory.Exists(inRepository) ? inRepository : throw new DirectoryNotFoundException(inRepository);
    }
}
