using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.BuildClusters.Local;

namespace Prow.Grains.Tests.BuildClusters;

/// <summary>Decorated runs: refs cloned from a real local repository with real git, as clonerefs does.</summary>
public sealed class LocalProcessRunnerCloneTests : IDisposable
{
    private readonly LocalRunnerSandbox _sandbox = new();
    private readonly LocalTestRepository _repository;

    public LocalProcessRunnerCloneTests() => _repository = LocalTestRepository.Create(Path.Combine(_sandbox.Root, "origin"));

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Run_PresubmitDecorated_ChecksOutBaseShaMergesPullAndRunsInCheckout()
    {
        var request = Decorated("pwd; ls; git rev-parse HEAD^1 HEAD^2", Ref() with
        {
            BaseSha = _repository.MainSha,
            Pulls = [new LocalPullRef(7, _repository.PullSha, "pull")],
        });

        var result = await LocalRunnerSandbox.RunAsync(request);

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        var cloned = Assert.Single(result.ClonedRefs);
        Assert.Equal(Path.Combine(result.WorkspacePath, "src", "github.com", "org", "repo"), cloned.Path);
        var log = _sandbox.ReadLog();
        var jobOutput = log[(log.LastIndexOf("$ git submodule", StringComparison.Ordinal))..];
        Assert.Contains($"{cloned.Path}\nbase.txt\npull.txt\nsecond.txt\n{_repository.MainSha}\n{_repository.PullSha}\n", jobOutput, StringComparison.Ordinal);
        Assert.NotEqual(_repository.MainSha, cloned.HeadSha);
        Assert.False(Directory.Exists(result.WorkspacePath));
    }

    [Fact]
    public async Task Run_Decorated_CloneLogLinesInBuildLogBeforeJobOutput()
    {
        var result = await LocalRunnerSandbox.RunAsync(Decorated("echo job-output", Ref() with { Pulls = [new LocalPullRef(7, _repository.PullSha, "pull")] }));

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        var log = _sandbox.ReadLog();
        Assert.StartsWith($"# Cloning org/repo at main\n# Checking out pulls:\n#\t7({_repository.PullSha})\n$ git init", log, StringComparison.Ordinal);
        Assert.Contains($"$ git fetch {_repository.Path} main\n", log, StringComparison.Ordinal);
        Assert.Contains($"$ git merge --no-ff --no-edit {_repository.PullSha}\n", log, StringComparison.Ordinal);
        Assert.EndsWith("job-output\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BaseShaBehindBranchTip_ChecksOutThatSha()
    {
        var result = await LocalRunnerSandbox.RunAsync(Decorated("ls", Ref() with { BaseSha = _repository.FirstSha }));

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(_repository.FirstSha, Assert.Single(result.ClonedRefs).HeadSha);
        Assert.EndsWith("\nbase.txt\n", _sandbox.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SameBaseAndPull_MergeCommitIsReproducible()
    {
        var request = Decorated("true", Ref() with { BaseSha = _repository.MainSha, Pulls = [new LocalPullRef(7, _repository.PullSha, "pull")] });

        var first = await LocalRunnerSandbox.RunAsync(request);
        var second = await LocalRunnerSandbox.RunAsync(request);

        Assert.Equal(first.ClonedRefs[0].HeadSha, second.ClonedRefs[0].HeadSha);
    }

    [Fact]
    public async Task Run_ExtraRefWithPathAliasAndWorkdir_RunsThereWithGopath()
    {
        var extra = Ref() with { Org = "kubernetes", Repo = "test-infra", PathAlias = "k8s.io/test-infra", Workdir = true };

        var result = await LocalRunnerSandbox.RunAsync(Decorated("pwd; echo \"$GOPATH\"", Ref(), extra));

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, result.ClonedRefs.Count);
        var workdir = Path.Combine(result.WorkspacePath, "src", "k8s.io", "test-infra");
        Assert.EndsWith($"\n{workdir}\n{result.WorkspacePath}\n", _sandbox.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadCloneUrl_FailedAndCommandNeverRan()
    {
        var marker = Path.Combine(_sandbox.Root, "command-ran");
        var request = Decorated($"touch '{marker}'", Ref() with { CloneUri = Path.Combine(_sandbox.Root, "no-such-repository") });

        var result = await LocalRunnerSandbox.RunAsync(request);

        Assert.Equal(LocalRunOutcome.Failed, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.StartsWith("Cloning org/repo failed: git fetch ", result.Description, StringComparison.Ordinal);
        Assert.EndsWith("does not appear to be a git repository", result.Description, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.Empty(result.ClonedRefs);
        Assert.Contains("# FAILED!", _sandbox.ReadLog(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(result.WorkspacePath));
    }

    [Fact]
    public async Task Run_AbortedWhileCloneWaitsToRetry_AbortedAndCommandNeverRan()
    {
        var marker = Path.Combine(_sandbox.Root, "command-ran");
        var runner = new LocalProcessRunner(TimeProvider.System, NullLogger<LocalProcessRunner>.Instance, new LocalProcessRunnerOptions { FetchRetryDelays = [TimeSpan.FromSeconds(100)] });
        using var abort = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = await runner.RunAsync(Decorated($"touch '{marker}'", Ref() with { CloneUri = Path.Combine(_sandbox.Root, "missing") }), abort.Token);

        Assert.Equal(LocalRunOutcome.Aborted, result.Outcome);
        Assert.Contains("# Retrying after 1m40s", _sandbox.ReadLog(), StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.False(Directory.Exists(result.WorkspacePath));
    }

    [Fact]
    public async Task Run_PullShaMissing_FailedNamingTheMerge()
    {
        var request = Decorated("true", Ref() with { Pulls = [new LocalPullRef(7, new string('a', 40), "pull")] });

        var result = await LocalRunnerSandbox.RunAsync(request);

        Assert.Equal(LocalRunOutcome.Failed, result.Outcome);
        Assert.StartsWith("Cloning org/repo failed: git merge --no-ff", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCloneUri_UsesGitBaseUrl()
    {
        var baseUrl = Path.Combine(_sandbox.Root, "mirror");
        Directory.CreateDirectory(Path.Combine(baseUrl, "org"));
        LocalTestRepository.Git(_sandbox.Root, "clone", "--quiet", "--bare", _repository.Path, Path.Combine(baseUrl, "org", "repo.git"));

        var result = await LocalRunnerSandbox.RunAsync(Decorated("ls", Ref() with { CloneUri = null }) with { GitBaseUrl = "file://" + baseUrl });

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(_repository.MainSha, result.ClonedRefs[0].HeadSha);
    }

    [Fact]
    public async Task Run_FileBaseUrlHoldingAWorkingCopyWithoutDotGit_ClonesIt()
    {
        var baseUrl = Path.Combine(_sandbox.Root, "checkouts");
        Directory.CreateDirectory(Path.Combine(baseUrl, "org"));
        LocalTestRepository.Git(_sandbox.Root, "clone", "--quiet", _repository.Path, Path.Combine(baseUrl, "org", "repo"));

        var result = await LocalRunnerSandbox.RunAsync(Decorated("ls", Ref() with { CloneUri = null }) with { GitBaseUrl = "file://" + baseUrl });

        Assert.Equal(LocalRunOutcome.Succeeded, result.Outcome);
        Assert.Equal(_repository.MainSha, result.ClonedRefs[0].HeadSha);
    }

    [Fact]
    public async Task Run_RefThatGitWouldReadAsAnOption_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LocalRunnerSandbox.RunAsync(Decorated("true", Ref() with { BaseRef = "--upload-pack=touch pwned" })));
        await Assert.ThrowsAsync<ArgumentException>(() => LocalRunnerSandbox.RunAsync(Decorated("true", Ref() with { Pulls = [new LocalPullRef(1, "abc", "-x")] })));
    }

    private LocalCloneRef Ref() => new() { Org = "org", Repo = "repo", BaseRef = "main", CloneUri = _repository.Path };

    private LocalRunRequest Decorated(string script, params LocalCloneRef[] refs) =>
        _sandbox.Shell(script) with { JobType = "presubmit", Decorate = true, Refs = refs };
}
