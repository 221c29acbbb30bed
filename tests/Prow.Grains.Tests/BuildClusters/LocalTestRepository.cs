using System.Diagnostics;

namespace Prow.Grains.Tests.BuildClusters;

/// <summary>
/// A real git repository made by the test: main with base.txt, a second commit on main (second.txt) and a "pull"
/// branch from the first commit that adds pull.txt, so base_sha checkout and merges can be checked by their files.
/// </summary>
internal sealed class LocalTestRepository
{
    private LocalTestRepository(string path) => Path = path;

    public string Path { get; }

    public string FirstSha { get; private set; } = "";

    public string MainSha { get; private set; } = "";

    public string PullSha { get; private set; } = "";

    public static LocalTestRepository Create(string folder)
    {
        var repository = new LocalTestRepository(folder);
        Directory.CreateDirectory(folder);
        repository.Git("init", "--quiet", "-b", "main");
        File.WriteAllText(System.IO.Path.Combine(folder, "base.txt"), "base\n");
        repository.Git("add", "base.txt");
        repository.Git("commit", "--quiet", "-m", "base");
        repository.FirstSha = repository.Git("rev-parse", "HEAD");
        repository.Git("checkout", "--quiet", "-b", "pull");
        File.WriteAllText(System.IO.Path.Combine(folder, "pull.txt"), "pull\n");
        repository.Git("add", "pull.txt");
        repository.Git("commit", "--quiet", "-m", "pull");
        repository.PullSha = repository.Git("rev-parse", "HEAD");
        repository.Git("checkout", "--quiet", "main");
        File.WriteAllText(System.IO.Path.Combine(folder, "second.txt"), "second\n");
        repository.Git("add", "second.txt");
        repository.Git("commit", "--quiet", "-m", "second");
        repository.MainSha = repository.Git("rev-parse", "HEAD");
        return repository;
    }

    /// <summary>Runs git in a folder and returns its trimmed stdout; throws when git fails.</summary>
    public static string Git(string folder, params string[] args)
    {
        var startInfo = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" })
        {
            startInfo.Environment[name] = "test";
        }

        foreach (var name in new[] { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" })
        {
            startInfo.Environment[name] = "test@example.com";
        }

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr.Result}");
        }

        return output.Trim();
    }

    private string Git(params string[] args) => Git(Path, args);
}
