using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// The jobs API (<c>POST /api/v1/jobs</c>, gangway's request shape): a job started with a token runs and is listed on
/// the status site, the call logged with the token's identity; no token or a wrong one is refused; a bad request says why.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class JobsApiTests(JobsApiTests.Host host) : IClassFixture<JobsApiTests.Host>
{
    private const string Token = "s3cret-api-token";
    private const string Jobs = """
        postsubmits:
          org/repo:
          - name: deploy
            branches: [main]
            spec: {containers: [{image: alpine, command: [sh, -c, "echo deploying $PULL_BASE_SHA with $GREETING"], env: [{name: GREETING, value: default-greeting}]}]}
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            spec: {containers: [{image: alpine, command: ["true"]}]}
        """;

    private readonly InProcessProw _prow = host.Prow;
    private readonly CapturedLog _log = host.Log;
    private readonly string _folder = host.Folder;

    [Fact]
    public async Task PostsubmitStartedWithAToken_RunsWithTheEnvOverride_IsListedOnTheStatusSite_AndTheCallerIsLogged()
    {
        using var response = await PostAsync(Token, """
            {"job_name": "deploy", "job_execution_type": "POSTSUBMIT",
             "refs": {"org": "org", "repo": "repo", "base_ref": "main", "base_sha": "apisha1"},
             "pod_spec_options": {"envs": {"GREETING": "hello-from-the-api"}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetString()!;
        Assert.Equal("deploy", answer.GetProperty("jobName").GetString());
        Assert.Equal("POSTSUBMIT", answer.GetProperty("jobType").GetString());
        // The build cluster may have taken it before the answer was written.
        Assert.Contains(answer.GetProperty("jobStatus").GetString(), (string[])["TRIGGERED", "PENDING"]);

        var grain = _prow.Grains.GetGrain<IProwJobGrain>(id);
        await Poll.UntilAsync(async () => await grain.GetAsync() is { Status.Complete: true });
        var job = (await grain.GetAsync())!;
        Assert.Equal(ProwJobState.Success, job.Status.State);
        var folder = Path.Combine(_prow.Folder, "artifacts", "logs", "deploy", job.Status.BuildId!);
        Assert.Contains("deploying apisha1 with hello-from-the-api", await File.ReadAllTextAsync(Path.Combine(folder, "build-log.txt")), StringComparison.Ordinal);

        string page = "";
        await Poll.UntilAsync(async () => (page = await _prow.Client.GetStringAsync("/?job=deploy")).Contains($"/view/{id}", StringComparison.Ordinal));
        Assert.Contains(_log.Lines, l => l.Message.Contains($"release-bot (127.0.0.1) started postsubmit deploy as ProwJob {id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PresubmitStarted_CarriesItsPullRequest()
    {
        using var response = await PostAsync(Token, """
            {"jobName": "unit", "jobExecutionType": 3,
             "refs": {"org": "org", "repo": "repo", "baseRef": "main", "baseSha": "base0000", "pulls": [{"number": 12, "author": "alice", "sha": "head12"}]}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var job = (await _prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync())!;
        Assert.Equal(ProwJobType.Presubmit, job.Spec.Type);
        Assert.Equal(12, job.Spec.Refs!.Pulls[0].Number);
        Assert.Equal("head12", job.Spec.Refs.Pulls[0].Sha);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task MissingOrWrongToken_Is401_AndLogged(string? token)
    {
        using var response = await PostAsync(token, """{"job_name": "deploy", "job_execution_type": "POSTSUBMIT", "refs": {"org": "org", "repo": "repo", "base_ref": "main", "base_sha": "nope"}}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Jobs API: refused a call from 127.0.0.1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"job_name": "no-such", "job_execution_type": "PERIODIC"}""", "there is no periodic job \"no-such\"")]
    [InlineData("""{"job_name": "deploy", "job_execution_type": "POSTSUBMIT", "refs": {"org": "org", "repo": "repo", "base_ref": "release-1", "base_sha": "x"}}""", "there is no postsubmit job \"deploy\" for org/repo that runs on branch \"release-1\"")]
    [InlineData("""{"job_name": "deploy", "job_execution_type": "POSTSUBMIT", "refs": {"org": "org", "repo": "repo"}}""", "a postsubmit job needs refs with base_ref, base_sha")]
    [InlineData("""{"job_name": "unit", "job_execution_type": "PRESUBMIT", "refs": {"org": "org", "repo": "repo", "base_ref": "main", "base_sha": "x"}}""", "a presubmit job needs at least one pull request in refs.pulls")]
    [InlineData("""{"job_name": "deploy"}""", "job_execution_type must be PERIODIC, POSTSUBMIT or PRESUBMIT (got none)")]
    [InlineData("""{"job_execution_type": "PERIODIC"}""", "job_name field cannot be empty")]
    [InlineData("""{"job_name": "deploy", "job_execution_type": "POSTSUBMIT", "refs": {"org": "org", "repo": "repo", "base_ref": "main", "base_sha": "x"}, "pod_spec_options": {"envs": {"A": ""}}}""", "invalid pod_spec_options.envs key/value pair: \"A\", \"\"")]
    [InlineData("not json", "the body is not JSON")]
    public async Task BadRequest_Is400_SayingWhat(string body, string expected)
    {
        using var response = await PostAsync(Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MkpjCreate_StartsTheJobThroughTheApi()
    {
        var tokenFile = Path.Combine(_folder, "client-token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");

        var (exit, output, error) = await MkpjTests.RunAsync(
            "mkpj", "--config-path", Path.Combine(RepositoryRoot.Examples, "config.yaml"), "--job-config-path", Path.Combine(_folder, "jobs.yaml"),
            "--job", "deploy", "--base-ref", "main", "--base-sha", "mkpjsha", "--create", "--url", _prow.Client.BaseAddress!.ToString(), "--api-token-file", tokenFile);

        Assert.True(exit == 0, error);
        var id = System.Text.RegularExpressions.Regex.Match(output, "^ProwJob (\\S+) started: ").Groups[1].Value;
        var job = await _prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync();
        Assert.Equal("mkpjsha", job?.Spec.Refs?.BaseSha);
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _prow.Client.SendAsync(request);
    }

    /// <summary>One prow for the class: with the API's token file, a fake GitHub for its reports, and its log kept.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();
        private FakeGitHubServer _gitHub = null!;

        internal InProcessProw Prow { get; private set; } = null!;

        internal CapturedLog Log { get; } = new();

        public string Folder => _folder.Path;

        public async Task InitializeAsync()
        {
            _gitHub = await FakeGitHubServer.StartAsync();
            _gitHub.State.AddRepo("org/repo").WithBranch("main", "base0000");
            var jobs = Path.Combine(_folder.Path, "jobs.yaml");
            await File.WriteAllTextAsync(jobs, Jobs);
            var tokens = Path.Combine(_folder.Path, "api-tokens");
            await File.WriteAllTextAsync(tokens, $"# who may start jobs\nrelease-bot:{Token}\n");
            var githubToken = Path.Combine(_folder.Path, "github-token");
            await File.WriteAllTextAsync(githubToken, "ghp_any");
            Prow = await InProcessProw.StartAsync(
                _folder.Path,
                o => o with { JobConfigPath = jobs, ApiTokenFile = tokens, GitHubEndpoints = [_gitHub.BaseAddress], GitHubTokenPath = githubToken },
                services => services.AddSingleton<ILoggerProvider>(new CapturedLogProvider(Log)));
        }

        public async Task DisposeAsync()
        {
            await Prow.DisposeAsync();
            await _gitHub.DisposeAsync();
            _folder.Dispose();
        }
    }

    private sealed class CapturedLogProvider(CapturedLog log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => log;

        public void Dispose()
        {
        }
    }
}
