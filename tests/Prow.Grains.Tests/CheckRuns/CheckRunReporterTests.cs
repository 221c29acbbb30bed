using Prow.Clients.GitHub;
using Prow.Config.Components;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.CheckRuns;
using Prow.Services.Artifacts;
using Prow.Services.Configuration;

namespace Prow.Grains.Tests.CheckRuns;

public sealed class CheckRunReporterTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("prow-checkrun-").FullName;
    private readonly FakeChecks _checks = new();

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    [Theory]
    [InlineData(true, "org/repo", true)]
    [InlineData(true, "org", true)]
    [InlineData(true, "ORG/REPO", true)]
    [InlineData(true, "org/other", false)]
    [InlineData(true, null, false)]
    [InlineData(false, "org/repo", false)]
    public void ShouldReport_OnlyAsAnApp_ForOptedInRepos(bool app, string? optIn, bool expected)
    {
        _checks.App = app;

        Assert.Equal(expected, Reporter(optIn).ShouldReport(Job(ProwJobState.Pending)));
    }

    [Fact]
    public async Task FirstReport_CreatesTheRun_OnThePullRequestHead_NamedAfterTheContext()
    {
        await Reporter("org/repo").ReportAsync(Job(ProwJobState.Triggered), CancellationToken.None);

        var (name, body) = Assert.Single(_checks.Creates);
        Assert.Equal(("org/repo", "unit", "head1", "queued", "job-1"), (name, body.Name, body.HeadSha, body.Status, body.ExternalId));
        Assert.Null(body.Conclusion);
    }

    [Fact]
    public async Task LaterReport_UpdatesTheJobsOwnRun_NotAnotherJobsRunOfTheSameName()
    {
        _checks.Existing.Add(new CheckRun { Id = 7, Name = "unit", ExternalId = "another-job" });
        _checks.Existing.Add(new CheckRun { Id = 8, Name = "unit", ExternalId = "job-1" });

        await Reporter("org/repo").ReportAsync(Job(ProwJobState.Success), CancellationToken.None);

        Assert.Empty(_checks.Creates);
        var (id, body) = Assert.Single(_checks.Updates);
        Assert.Equal((8L, "completed", "success"), (id, body.Status, body.Conclusion));
    }

    [Fact]
    public async Task RetriedFailureReport_SendsOnlyTheAnnotationsGitHubDoesNotHaveYet()
    {
        WriteJUnit(failures: 120);
        _checks.Existing.Add(new CheckRun { Id = 8, Name = "unit", ExternalId = "job-1", Output = new CheckRunOutputInfo { AnnotationsCount = 50 } });

        await Reporter("org/repo").ReportAsync(Job(ProwJobState.Failure), CancellationToken.None);

        Assert.Equal([50, 20], _checks.Updates.Select(u => u.Body.Output!.Annotations!.Count));
        Assert.Equal("TestCase50", _checks.Updates[0].Body.Output!.Annotations![0].Title);
        Assert.Equal(("completed", "failure"), (_checks.Updates[0].Body.Status, _checks.Updates[0].Body.Conclusion));
        Assert.Contains("120 failed tests", _checks.Updates[1].Body.Output!.Summary, StringComparison.Ordinal);
    }

    private void WriteJUnit(int failures)
    {
        var folder = Path.Combine(_artifacts, ArtifactLayout.BuildFolder(Job(ProwJobState.Failure)), "artifacts", "nested");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "junit_e2e.xml"), "<testsuite>" + string.Concat(Enumerable.Range(0, failures).Select(i => $"<testcase name=\"TestCase{i}\"><failure message=\"m{i}\"/></testcase>")) + "</testsuite>");
    }

    private CheckRunReporter Reporter(string? optIn)
    {
        var config = StaticConfigSource.EmptySnapshot with { Prow = new ProwConfig { GitHubReporter = new GitHubReporterConfig { CheckRunRepos = optIn is null ? [] : [optIn] } } };
        return new CheckRunReporter(_checks, new StaticConfigSource(config), new JobJUnitReports(new LocalArtifactStore(_artifacts)), TimeProvider.System);
    }

    private static ProwJob Job(string state) => new()
    {
        Metadata = new ProwJobMetadata { Name = "job-1" },
        Spec = new ProwJobSpec
        {
            Type = ProwJobType.Presubmit,
            Job = "unit",
            Context = "unit",
            Report = true,
            Refs = new ProwJobRefs { Org = "org", Repo = "repo", BaseRef = "main", BaseSha = "base1", Pulls = [new ProwJobPull { Number = 1, Sha = "head1", Author = "alice" }] },
        },
        Status = new ProwJobStatus
        {
            State = state,
            BuildId = "42",
            StartTime = DateTimeOffset.UnixEpoch,
            CompletionTime = ProwJobState.IsFinal(state) ? DateTimeOffset.UnixEpoch.AddMinutes(3) : null,
        },
    };

    private sealed class FakeChecks : ICheckRunClient
    {
        public bool App { get; set; } = true;

        public List<CheckRun> Existing { get; } = [];

        public List<(string Repo, CheckRunBody Body)> Creates { get; } = [];

        public List<(long Id, CheckRunBody Body)> Updates { get; } = [];

        public bool AuthenticatesAsApp => App;

        public Task<IReadOnlyList<CheckRun>> ListCheckRunsNamedAsync(string owner, string repo, string sha, string name, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CheckRun>>([.. Existing.Where(r => r.Name == name)]);

        public Task<CheckRun> CreateCheckRunAsync(string owner, string repo, CheckRunBody checkRun, CancellationToken cancellationToken)
        {
            Creates.Add(($"{owner}/{repo}", checkRun));
            return Task.FromResult(new CheckRun { Id = 100, Name = checkRun.Name!, ExternalId = checkRun.ExternalId });
        }

        public Task<CheckRun> UpdateCheckRunAsync(string owner, string repo, long id, CheckRunBody update, CancellationToken cancellationToken)
        {
            Updates.Add((id, update));
            return Task.FromResult(new CheckRun { Id = id });
        }
    }
}
