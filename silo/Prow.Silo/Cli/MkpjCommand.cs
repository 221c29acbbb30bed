using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Silo.Api;

namespace Prow.Silo.Cli;

/// <summary>
/// <c>prow mkpj</c>: the ProwJob a job of the configuration would be, printed as YAML as Prow's mkpj prints it (to
/// <c>kubectl apply</c>, or to read). Refs not given are read from GitHub when a token is, as mkpj does; with
/// <c>--create</c> the job is started on a running prow through its jobs API instead.
/// </summary>
internal static class MkpjCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var configPath = new Option<string?>("--config-path") { Description = "Prow's config.yaml." };
        var jobConfigPath = new Option<string?>("--job-config-path") { Description = "A folder of job configs (or one file)." };
        var job = new Option<string?>("--job") { Description = "The job to make a ProwJob of." };
        var baseRef = new Option<string?>("--base-ref") { Description = "Git base ref under test (e.g. main)." };
        var baseSha = new Option<string?>("--base-sha") { Description = "Git base SHA under test." };
        var pull = new Option<int?>("--pull", "--pull-number") { Description = "The pull request under test (presubmits)." };
        var pullSha = new Option<string?>("--pull-sha") { Description = "The pull request's head SHA." };
        var pullAuthor = new Option<string?>("--pull-author") { Description = "The pull request's author." };
        var githubTokenPath = new Option<string?>("--github-token-path") { Description = "A GitHub token; with it, refs not given are read from GitHub." };
        var githubEndpoint = new Option<string>("--github-endpoint") { Description = "GitHub API endpoint.", DefaultValueFactory = _ => GitHubClientOptions.DefaultEndpoint };
        var create = new Option<bool>("--create") { Description = "Start the job on a running prow (its jobs API) instead of printing it." };
        var url = new Option<string?>("--url") { Description = "With --create: the running prow's address, e.g. http://127.0.0.1:8080." };
        var apiTokenFile = new Option<string?>("--api-token-file") { Description = "With --create: a file holding the jobs API token (its first token line)." };
        var command = new Command("mkpj", "Print the ProwJob a job would be, as YAML (Prow's mkpj), or start it on a running prow with --create.");
        foreach (var option in (Option[])[configPath, jobConfigPath, job, baseRef, baseSha, pull, pullSha, pullAuthor, githubTokenPath, githubEndpoint, create, url, apiTokenFile])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var flags = new MkpjFlags(
                    parse.GetValue(job), parse.GetValue(baseRef), parse.GetValue(baseSha), parse.GetValue(pull), parse.GetValue(pullSha), parse.GetValue(pullAuthor));
                var snapshot = LoadConfig(parse.GetValue(configPath), parse.GetValue(jobConfigPath));
                var found = flags.Job is { Length: > 0 } name
                    ? NamedJobs.Find(snapshot.Jobs, name) ?? throw new JobStartException($"job {name} not found")
                    : throw new JobStartException("required flag --job was unset");
                var refs = await CompleteRefsAsync(found, flags, parse.GetValue(githubTokenPath), parse.GetValue(githubEndpoint)!, cancellationToken);
                if (parse.GetValue(create))
                {
                    return await CreateAsync(found, refs, parse.GetValue(url), parse.GetValue(apiTokenFile), stdout, cancellationToken);
                }

                var prowJob = NamedJobs.Build(snapshot, found, refs, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow);
                await stdout.WriteAsync(ProwJobYaml.Write(JsonSerializer.SerializeToElement(prowJob, JsonSerializerOptions.Web)));
                return 0;
            }
            catch (JobStartException ex)
            {
                await stderr.WriteLineAsync($"prow mkpj: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static ConfigSnapshot LoadConfig(string? configPath, string? jobConfigPath)
    {
        if (configPath is null)
        {
            throw new JobStartException("required flag --config-path was unset");
        }

        var result = ConfigLoader.Load(new ConfigPaths(configPath, jobConfigPath));
        return result.Snapshot
            ?? throw new JobStartException(string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString()).Prepend("the configuration is invalid:")));
    }

    /// <summary>
    /// The refs the job runs on: the flags, then what GitHub says for the ones missing (the pull request for a
    /// presubmit, the branch's head for a postsubmit), as Prow's mkpj defaults them. mkpj asks on the terminal for
    /// what it cannot find; here the missing flag is named instead.
    /// </summary>
    private static async Task<JobStartRequest> CompleteRefsAsync(NamedJob found, MkpjFlags flags, string? tokenPath, string endpoint, CancellationToken cancellationToken)
    {
        if (found.Type == ProwJobType.Periodic)
        {
            return new JobStartRequest { RequestedBy = "mkpj" };
        }

        var (org, repo) = (found.Org!, found.Repo!);
        var (ref_, sha) = (flags.BaseRef, flags.BaseSha);
        var (author, pullSha) = (flags.PullAuthor, flags.PullSha);
        if (found.Type == ProwJobType.Presubmit && flags.Pull is not { } number)
        {
            throw new JobStartException($"{found.Job.Name} is a presubmit of {org}/{repo}: give --pull");
        }

        if (found.Type == ProwJobType.Postsubmit && ref_ is null)
        {
            throw new JobStartException($"{found.Job.Name} is a postsubmit of {org}/{repo}: give --base-ref");
        }

        var missing = found.Type == ProwJobType.Presubmit
            ? new[] { ("--base-ref", ref_), ("--base-sha", sha), ("--pull-sha", pullSha), ("--pull-author", author) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList()
            : sha is null ? ["--base-sha"] : [];
        if (missing.Count > 0)
        {
            if (tokenPath is null)
            {
                throw new JobStartException($"{found.Job.Name} needs {string.Join(", ", missing)}, or --github-token-path to read them from GitHub");
            }

            using var github = new GitHubClient(new GitHubClientOptions { TokenPath = tokenPath, Endpoints = { new Uri(endpoint) } });
            try
            {
                if (found.Type == ProwJobType.Presubmit)
                {
                    var pr = await github.GetPullRequestAsync(org, repo, flags.Pull!.Value, cancellationToken);
                    (ref_, sha, author, pullSha) = (ref_ ?? pr.Base.Ref, sha ?? pr.Base.Sha, author ?? pr.User.Login, pullSha ?? pr.Head.Sha);
                }
                else
                {
                    sha = (await github.GetBranchAsync(org, repo, ref_!, cancellationToken)).Commit.Sha;
                }
            }
            catch (GitHubApiException ex)
            {
                throw new JobStartException($"could not read {string.Join(", ", missing)} from GitHub for {org}/{repo}: {ex.Message}");
            }
        }

        return new JobStartRequest
        {
            Org = org,
            Repo = repo,
            BaseRef = ref_,
            BaseSha = sha,
            Pulls = found.Type == ProwJobType.Presubmit ? [new ProwJobPull { Number = flags.Pull!.Value, Author = author!, Sha = pullSha! }] : [],
            RequestedBy = "mkpj",
        };
    }

    private static async Task<int> CreateAsync(NamedJob found, JobStartRequest refs, string? url, string? tokenFile, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new JobStartException("--create needs --url, the running prow's http(s) address");
        }

        string token;
        try
        {
            token = tokenFile is null ? throw new JobStartException("--create needs --api-token-file") : ApiTokens.ClientToken(tokenFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new JobStartException($"--api-token-file: {ex.Message}");
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/api/v1/jobs"))
        {
            Content = JsonContent.Create(JobExecutionRequest.ToJson(found.Job.Name, found.Type, refs)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new JobStartException($"{address} refused the job ({(int)response.StatusCode}): {text.Trim()}");
            }

            var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
            await stdout.WriteLineAsync($"ProwJob {id} started: {new Uri(address, JobLinkPath(id!))}");
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            throw new JobStartException($"could not start the job on {address}: {ex.Message}");
        }
    }

    private static string JobLinkPath(string id) => Prow.Web.Jobs.JobLinks.View(id);

    private sealed record MkpjFlags(string? Job, string? BaseRef, string? BaseSha, int? Pull, string? PullSha, string? PullAuthor);
}
