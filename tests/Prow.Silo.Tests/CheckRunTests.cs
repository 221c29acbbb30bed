using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.CheckRuns;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// Check runs end to end on the fake GitHub, with prow authenticated as a GitHub App and <c>org/repo</c> opted in:
/// a presubmit's check run is created, updated and completed with its failed JUnit tests as annotations (50 a write),
/// its "Re-run" button runs the job again under /retest's rules, and the commit status gives way to the check run.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CheckRunTests : IAsyncLifetime
{
    private const string Config = "github_reporter:\n  check_run_repos: [org/repo]\n";

    /// <summary>62 failed tests: one placed by the report's file and line, one by the file:line its message names, 60 by neither.</summary>
    private static readonly string s_junit = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="unit" tests="63" failures="62">
            <testcase classname="pkg.math" name="TestAdd" file="pkg/math/add_test.py" line="17"><failure message="assert 3 == 4">expected 4, got 3</failure></testcase>
            <testcase classname="pkg/strings" name="TestTrim"><failure message="Failed">strings_test.go:42: Trim("a ") = "a ", want "a"</failure></testcase>
            <testcase classname="pkg" name="TestPasses"/>
        {string.Concat(Enumerable.Range(0, 60).Select(i => $"    <testcase classname=\"pkg.flaky\" name=\"TestCase{i}\"><error message=\"boom {i}\"/></testcase>\n"))}  </testsuite>
        </testsuites>
        """;

    private readonly RSA _appKey = RSA.Create(2048);
    private PluginTestHost _host = null!;
    private string _junitFile = "";

    public async Task InitializeAsync()
    {
        var keyFolder = Directory.CreateTempSubdirectory("prow-app-key-").FullName;
        var keyPath = Path.Combine(keyFolder, "app.pem");
        await File.WriteAllTextAsync(keyPath, _appKey.ExportRSAPrivateKeyPem());
        _junitFile = Path.Combine(keyFolder, "junit.xml");
        await File.WriteAllTextAsync(_junitFile, s_junit);
        _host = await PluginTestHost.StartAsync(
            $$"""
            presubmits:
              org/repo:
              - name: unit
                always_run: true
                spec: {containers: [{image: alpine, command: [sh, -c, "cp {{_junitFile}} $ARTIFACTS/junit_unit.xml; echo two tests failed; exit 1"]}]}
            """,
            "trigger",
            configYaml: Config,
            seed: r => r.InstallationId = 77,
            configure: o => o with { GitHubTokenPath = null, GitHubAppId = FakeGitHubServer.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), GitHubAppPrivateKeyPath = keyPath });
        _host.GitHub.AppPublicKey = RSA.Create(_appKey.ExportParameters(false));
        _host.GitHub.State.Org("org").InstallationId = 77;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_junitFile)!, recursive: true);
        _appKey.Dispose();
    }

    [Fact]
    public async Task FailingPresubmit_CheckRunCreatedUpdatedAndCompleted_WithItsJUnitFailuresAsAnnotations()
    {
        _host.FakeRepo.AddPullRequest(1, "feature", "alice", "head1");

        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "alice", "head1"), pullRequest: 1);
        var run = await CompletedRunAsync("head1");

        Assert.Equal(("unit", "failure"), (run.Name, run.Conclusion));
        var job = (await _host.Prow.Grains.GetGrain<IProwJobGrain>(run.ExternalId!).GetAsync())!;
        Assert.Equal(("unit", ProwJobState.Failure), (job.Spec.Job, job.Status.State));
        Assert.Equal(job.Status.Url, run.DetailsUrl);
        Assert.Contains("**unit** is **failure** after ", run.Summary, StringComparison.Ordinal);
        Assert.Contains($"[View the job]({job.Status.Url})", run.Summary, StringComparison.Ordinal);
        Assert.Contains("62 failed tests in the JUnit reports", run.Summary, StringComparison.Ordinal);

        Assert.Equal(62, run.Annotations.Count);
        Assert.Contains(new FakeCheckRunAnnotation("pkg/math/add_test.py", 17, 17, "failure", "assert 3 == 4", "pkg.math.TestAdd", "expected 4, got 3"), run.Annotations);
        Assert.Contains(run.Annotations, a => a is { Path: "strings_test.go", StartLine: 42, Title: "pkg/strings.TestTrim" });
        Assert.Contains(run.Annotations, a => a is { Path: "artifacts/junit_unit.xml", StartLine: 1, Message: "boom 59", Title: "pkg.flaky.TestCase59" });

        // Created before it ran, updated while it ran, completed; the annotations split 50 and 12 over two writes.
        var writes = Writes(run.Id);
        Assert.Equal("POST", writes[0].Method);
        Assert.Contains(writes, w => w.Status == "in_progress");
        Assert.Equal(["completed"], writes.SkipWhile(w => w.Status != "completed").Select(w => w.Status).Distinct());
        Assert.Equal([50, 12], writes.Where(w => w.Annotations > 0).Select(w => w.Annotations));
        Assert.All(writes, w => Assert.True(w.Annotations <= FakeGitHubServer.MaxAnnotationsPerWrite));

        // An opted-in repository gets the check run instead of a commit status of the same name.
        Assert.DoesNotContain(_host.GitHub.StatusesFor(PluginTestHost.Repo, "head1"), s => s.Context == "unit");
    }

    [Fact]
    public async Task ReRunButton_ByATrustedUser_RunsTheJobAgainOnTheHead_AsANewCheckRun()
    {
        _host.FakeRepo.AddPullRequest(2, "feature", "alice", "head2");
        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 2, "alice", "head2"), pullRequest: 2);
        var first = await CompletedRunAsync("head2");

        await _host.SendAsync("check_run", Rerequested("head2", first, sender: "maintainer"));

        var requests = await _host.RequestsAsync(2);
        Assert.Contains(requests, r => r is { Job: "unit", Reason: CheckRunRerequests.Reason, RequestedBy: "maintainer", PullSha: "head2" });
        await Poll.UntilAsync(() => Task.FromResult(Runs("head2").Count(r => r.Status == "completed") == 2));
        var second = Runs("head2").First(r => r.Id != first.Id);
        Assert.NotEqual(first.ExternalId, second.ExternalId);
        Assert.Equal("failure", second.Conclusion);
    }

    [Fact]
    public async Task ReRunButton_ByAnUntrustedUser_OnAnUntrustedPullRequest_RunsNothing()
    {
        _host.FakeRepo.AddPullRequest(3, "feature", "alice", "head3");
        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 3, "alice", "head3"), pullRequest: 3);
        var first = await CompletedRunAsync("head3");
        _host.GitHub.State.Org("org").Members.Remove("alice");

        await _host.SendAsync("check_run", Rerequested("head3", first, sender: "mallory"));

        Assert.DoesNotContain(await _host.RequestsAsync(3), r => r.Reason == CheckRunRerequests.Reason);
        Assert.Single(Runs("head3"));
    }

    private async Task<FakeCheckRun> CompletedRunAsync(string sha)
    {
        FakeCheckRun? run = null;
        await Poll.UntilAsync(() => Task.FromResult((run = Runs(sha).FirstOrDefault(r => r.Status == "completed")) is not null));
        return run!;
    }

    private IReadOnlyList<FakeCheckRun> Runs(string sha) => _host.GitHub.CheckRunsFor(PluginTestHost.Repo, sha);

    private IReadOnlyList<FakeCheckRunWrite> Writes(long id) => _host.GitHub.CheckRunWritesFor(PluginTestHost.Repo, id);

    private static string Rerequested(string sha, FakeCheckRun run, string sender) => new JsonObject
    {
        ["action"] = "rerequested",
        ["check_run"] = new JsonObject { ["id"] = run.Id, ["name"] = run.Name, ["head_sha"] = sha, ["status"] = run.Status, ["conclusion"] = run.Conclusion, ["external_id"] = run.ExternalId },
        ["repository"] = new JsonObject { ["full_name"] = PluginTestHost.Repo, ["name"] = "repo", ["owner"] = new JsonObject { ["login"] = "org" }, ["default_branch"] = "main" },
        ["sender"] = new JsonObject { ["login"] = sender, ["id"] = 4242 },
    }.ToJsonString();
}
