namespace Prow.Config.Tests;

/// <summary>A temporary folder for files a test writes; deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Root = Path.Combine(Path.GetTempPath(), "prow-config-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Writes through a temporary file and a rename, so a watcher never sees a half-written file.</summary>
    public string Replace(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temp, content.ReplaceLineEndings("\n"));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold a handle; the OS temp cleaner gets it later.
        }
    }
}
