using System.Diagnostics;

namespace Prow.Silo.Tests;

/// <summary>A git repository on disk, made by the test, shaped like GitHub's: a main branch and refs/pull/N/head.</summary>
internal sealed class LocalGitRepository
{
    private LocalGitRepository(string path) => Path = path;

    public string Path { get; }

    public string MainSha { get; private set; } = "";

    public static LocalGitRepository Create(string folder)
    {
        var repo = new LocalGitRepository(folder);
        Directory.CreateDirectory(folder);
        repo.Git("init", "-q", "-b", "main");
        File.WriteAllText(System.IO.Path.Combine(folder, "README.md"), "# test repository\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "initial");
        repo.MainSha = repo.Git("rev-parse", "HEAD").Trim();
        return repo;
    }

    /// <summary>A pull request: a commit on top of main adding <paramref name="file"/>, published as refs/pull/N/head.</summary>
    public string AddPullRequest(int number, string file, string content)
    {
        Git("checkout", "-q", "-b", $"pr-{number}", "main");
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        Git("add", ".");
        Git("commit", "-q", "-m", $"change {number}");
        var sha = Git("rev-parse", "HEAD").Trim();
        Git("update-ref", $"refs/pull/{number}/head", sha);
        Git("checkout", "-q", "main");
        return sha;
    }

    /// <summary>Merges pull request N into main, as GitHub's merge button would; returns the new head of main.</summary>
    public string MergePullRequest(int number)
    {
        Git("merge", "-q", "--no-ff", "-m", $"Merge pull request #{number}", $"pr-{number}");
        MainSha = Git("rev-parse", "HEAD").Trim();
        return MainSha;
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
    }
}
