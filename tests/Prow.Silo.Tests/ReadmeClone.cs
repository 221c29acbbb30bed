namespace Prow.Silo.Tests;

/// <summary>A folder holding what a clone gives a new user for the README's commands: the README and <c>examples/</c>.</summary>
internal static class ReadmeClone
{
    public static TempFolder Create()
    {
        var clone = new TempFolder();
        var examples = Path.Combine(clone.Path, "examples");
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Examples, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(examples, Path.GetRelativePath(RepositoryRoot.Examples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(RepositoryRoot.Path, "README.md"), Path.Combine(clone.Path, "README.md"));
        return clone;
    }
}
