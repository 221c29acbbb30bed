using System.Diagnostics;

namespace Prow.FakeGitHub;

/// <summary>
/// What <c>prow fake-github</c> starts with, so the sample configuration in <c>examples/</c> runs a presubmit: the
/// repository <c>example-org/example-repo</c> (a <c>main</c> branch holding a README and OWNERS), its org member
/// <c>example-contributor</c>, and that member's open pull request #1 adding <c>hello.txt</c>. The same commits are
/// made as a bare git repository for jobs to clone. Their dates and authors are fixed, so the SHAs are the same on
/// every machine and <c>examples/phony/pull_request.json</c> can name them.
/// </summary>
public static class DemoGitHub
{
    public const string Organization = "example-org";
    public const string Repository = "example-org/example-repo";
    public const string Contributor = "example-contributor";
    public const string Maintainer = "example-maintainer";
    public const int PullRequest = 1;
    private const string Owners = "approvers:\n- example-maintainer\nreviewers:\n- example-maintainer\n";
    private const string Readme = "# example-repo\n\nThe repository prow fake-github serves.\n";
    private const string Hello = "hello\n";

    /// <summary>Seeds <paramref name="state"/> and writes <c>example-org/example-repo.git</c> under <paramref name="gitFolder"/>.</summary>
    public static (string MainSha, string HeadSha) Seed(FakeGitHubState state, string gitFolder)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (mainSha, headSha) = MakeRepository(gitFolder);
        var repo = state.AddRepo(Repository);
        repo.WithBranch("main", mainSha).WithFile("main", "OWNERS", Owners).WithFile("main", "README.md", Readme);
        repo.Collaborators[Maintainer] = "admin";
        repo.Labels.AddRange(["lgtm", "approved", "do-not-merge/hold", "needs-ok-to-test", "ok-to-test"]);
        state.Org(Organization).Members.UnionWith([Contributor, Maintainer]);
        var pr = repo.AddPullRequest(PullRequest, "Say hello", Contributor, headSha, headRef: "say-hello");
        pr.Body = "Adds hello.txt.";
        pr.Files.Add(new FakeChangedFile("hello.txt", Status: "added"));
        pr.Commits.Add(new FakeCommit(headSha, "Say hello", Contributor));
        return (mainSha, headSha);
    }

    private static (string MainSha, string HeadSha) MakeRepository(string gitFolder)
    {
        var work = Path.Combine(gitFolder, ".work");
        var bare = Path.Combine(gitFolder, Organization, "example-repo.git");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        Git(work, "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Combine(work, "README.md"), Readme);
        File.WriteAllText(Path.Combine(work, "OWNERS"), Owners);
        Git(work, "add", "README.md", "OWNERS");
        Git(work, "commit", "--quiet", "--message", "Start example-repo");
        var main = Git(work, "rev-parse", "HEAD");
        Git(work, "checkout", "--quiet", "-b", "say-hello");
        File.WriteAllText(Path.Combine(work, "hello.txt"), Hello);
        Git(work, "add", "hello.txt");
        Git(work, "commit", "--quiet", "--message", "Say hello");
        var head = Git(work, "rev-parse", "HEAD");
        Git(work, "update-ref", $"refs/pull/{PullRequest}/head", head);
        Git(work, "checkout", "--quiet", "main");
        if (Directory.Exists(bare))
        {
            Directory.Delete(bare, recursive: true);
        }

        Git(gitFolder, "clone", "--quiet", "--mirror", work, bare);
        Git(bare, "update-server-info");
        Directory.Delete(work, recursive: true);
        return (main, head);
    }

    /// <summary>Runs git with no user or system config and fixed identities and dates, so commits hash the same everywhere.</summary>
    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Example Contributor";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "contributor@example.org";
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = "1767225600 +0000";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start git");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error.Trim()}");
    }
}
