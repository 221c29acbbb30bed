using System.Text.Json;
using Prow.FakeGitHub;
using Prow.Silo.Cli;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary><c>prow mkpj</c> prints a ProwJob Kubernetes takes (Prow's CRD schema) in Prow's shape, with refs from flags or from GitHub.</summary>
public sealed class MkpjTests
{
    private static readonly string s_config = Path.Combine(RepositoryRoot.Examples, "config.yaml");
    private static readonly string s_jobs = Path.Combine(RepositoryRoot.Examples, "jobs");

    [Fact]
    public async Task Periodic_PrintsAProwJobThatPassesProwsCrdSchema()
    {
        var (exit, output, error) = await RunAsync("mkpj", "--config-path", s_config, "--job-config-path", s_jobs, "--job", "nightly-health");

        Assert.True(exit == 0, error);
        var job = Parse(output);
        Assert.Empty(ProwJobCrdSchema.Violations(job));
        Assert.Equal("prow.k8s.io/v1", job.GetProperty("apiVersion").GetString());
        Assert.Equal("ProwJob", job.GetProperty("kind").GetString());
        Assert.Equal("periodic", job.GetProperty("spec").GetProperty("type").GetString());
        Assert.Equal("nightly-health", job.GetProperty("spec").GetProperty("job").GetString());
        Assert.Equal("periodic", job.GetProperty("metadata").GetProperty("labels").GetProperty("prow.k8s.io/type").GetString());
        Assert.Equal("nightly-health", job.GetProperty("metadata").GetProperty("annotations").GetProperty("prow.k8s.io/job").GetString());
        Assert.Equal("triggered", job.GetProperty("status").GetProperty("state").GetString());
        Assert.True(Guid.TryParse(job.GetProperty("metadata").GetProperty("name").GetString(), out _));
    }

    [Fact]
    public async Task Presubmit_WithEveryRefGiven_PassesProwsCrdSchema_AndQuotesStringsThatLookLikeOtherThings()
    {
        var (exit, output, error) = await RunAsync(
            "mkpj", "--config-path", s_config, "--job-config-path", s_jobs, "--job", "unit",
            "--base-ref", "main", "--base-sha", "1234567", "--pull", "7", "--pull-sha", "0abc", "--pull-author", "alice");

        Assert.True(exit == 0, error);
        var job = Parse(output);
        Assert.Empty(ProwJobCrdSchema.Violations(job));
        var labels = job.GetProperty("metadata").GetProperty("labels");
        Assert.Equal("presubmit", labels.GetProperty("prow.k8s.io/type").GetString());
        Assert.Equal("7", labels.GetProperty("prow.k8s.io/refs.pull").GetString());
        Assert.Equal("true", labels.GetProperty("preset-ci-env").GetString());
        var refs = job.GetProperty("spec").GetProperty("refs");
        Assert.Equal("example-org", refs.GetProperty("org").GetString());
        Assert.Equal("1234567", refs.GetProperty("base_sha").GetString());
        var pull = refs.GetProperty("pulls")[0];
        Assert.Equal(7, pull.GetProperty("number").GetInt32());
        Assert.Equal("alice", pull.GetProperty("author").GetString());
        Assert.Contains("prow.k8s.io/refs.pull: \"7\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presubmit_WithOnlyThePullNumber_ReadsTheRestFromGitHub()
    {
        using var folder = new TempFolder();
        await using var github = await FakeGitHubServer.StartAsync();
        var (mainSha, headSha) = DemoGitHub.Seed(github.State, Path.Combine(folder.Path, "git"));
        var token = Path.Combine(folder.Path, "token");
        await File.WriteAllTextAsync(token, "a-token");

        var (exit, output, error) = await RunAsync(
            "mkpj", "--config-path", s_config, "--job-config-path", s_jobs, "--job", "unit", "--pull", "1",
            "--github-token-path", token, "--github-endpoint", github.BaseAddress.ToString());

        Assert.True(exit == 0, error);
        var job = Parse(output);
        Assert.Empty(ProwJobCrdSchema.Violations(job));
        var refs = job.GetProperty("spec").GetProperty("refs");
        Assert.Equal("main", refs.GetProperty("base_ref").GetString());
        Assert.Equal(mainSha, refs.GetProperty("base_sha").GetString());
        Assert.Equal(headSha, refs.GetProperty("pulls")[0].GetProperty("sha").GetString());
        Assert.Equal(DemoGitHub.Contributor, refs.GetProperty("pulls")[0].GetProperty("author").GetString());
    }

    [Fact]
    public async Task Postsubmit_WithoutItsBaseSha_ReadsTheBranchHeadFromGitHub()
    {
        using var folder = new TempFolder();
        await using var github = await FakeGitHubServer.StartAsync();
        var (mainSha, _) = DemoGitHub.Seed(github.State, Path.Combine(folder.Path, "git"));
        var token = Path.Combine(folder.Path, "token");
        await File.WriteAllTextAsync(token, "a-token");

        var (exit, output, error) = await RunAsync(
            "mkpj", "--config-path", s_config, "--job-config-path", s_jobs, "--job", "build-main", "--base-ref", "main",
            "--github-token-path", token, "--github-endpoint", github.BaseAddress.ToString());

        Assert.True(exit == 0, error);
        var job = Parse(output);
        Assert.Empty(ProwJobCrdSchema.Violations(job));
        Assert.Equal("postsubmit", job.GetProperty("spec").GetProperty("type").GetString());
        Assert.Equal(mainSha, job.GetProperty("spec").GetProperty("refs").GetProperty("base_sha").GetString());
    }

    [Theory]
    [InlineData("no-such-job", "prow mkpj: job no-such-job not found")]
    [InlineData("unit", "prow mkpj: unit is a presubmit of example-org/example-repo: give --pull")]
    public async Task MissingJobOrRefs_OneLineNamingWhat(string jobName, string expected)
    {
        var (exit, output, error) = await RunAsync("mkpj", "--config-path", s_config, "--job-config-path", s_jobs, "--job", jobName);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(expected, error.Trim());
    }

    [Fact]
    public async Task PresubmitWithoutShasOrToken_NamesTheMissingFlags()
    {
        var (exit, _, error) = await RunAsync("mkpj", "--config-path", s_config, "--job-config-path", s_jobs, "--job", "unit", "--pull", "3", "--base-ref", "main");

        Assert.Equal(1, exit);
        Assert.Equal("prow mkpj: unit needs --base-sha, --pull-sha, --pull-author, or --github-token-path to read them from GitHub", error.Trim());
    }

    private static JsonElement Parse(string yaml) =>
        JsonSerializer.SerializeToElement(ProwJobCrdSchema.YamlToJson(yaml) ?? throw new InvalidOperationException("empty output"));

    internal static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProwCommandLine.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
