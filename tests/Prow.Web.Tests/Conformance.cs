namespace Prow.Web.Tests;

/// <summary>The real Prow configs in the repository's testdata/conformance.</summary>
internal static class Conformance
{
    public static string Path(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(System.IO.Path.Combine(dir!.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine(dir.FullName, "testdata", "conformance", relative);
    }
}
