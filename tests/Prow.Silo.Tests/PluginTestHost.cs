using System.Net;
using Prow.FakeGitHub;
using Prow.GrainInterfaces;
using Prow.Silo.Hosting;

namespace Prow.Silo.Tests;

/// <summary>The real host wired to a fake GitHub on loopback, with a job config and plugins.yaml written for the test.</summary>
internal sealed class PluginTestHost : IAsyncDisposable
{
    public const string Repo = "org/repo";
    public const string Token = "ghp_test_token";

    private readonly TempFolder _folder;
    private readonly Dictionary<int, int> _sent = [];
    private int _delivery;

    private PluginTestHost(TempFolder folder, FakeGitHubServer gitHub, InProcessProw prow)
    {
        _folder = folder;
        GitHub = gitHub;
        Prow = prow;
    }

    public FakeGitHubServer GitHub { get; }

    public InProcessProw Prow { get; }

    public FakeRepo FakeRepo => GitHub.State.Repo(Repo);

    public string Folder => _folder.Path;

    /// <param name="configYaml">A config.yaml to load (tide, branch-protection, ...), when the test needs one.</param>
    /// <param name="seed">Fills the fake GitHub before prow starts, so startup work (tide's first sync) already sees it.</param>
    public static async Task<PluginTestHost> StartAsync(string jobs, string plugins, Uri? catApi = null, string? extraPluginsYaml = null, bool dryRun = false, string? configYaml = null, Action<FakeRepo>? seed = null, Func<ProwOptions, ProwOptions>? configure = null)
    {
        var folder = new TempFolder();
        var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.AcceptedTokens.Add(Token);
        gitHub.State.AddRepo(Repo).WithBranch("main", "base0000");
        gitHub.State.Org("org").Members.Add("alice");
        gitHub.State.Org("org").Members.Add("maintainer");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "jobs.yaml"), jobs);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "plugins.yaml"), $"plugins:\n  org:\n    plugins: [{plugins}]\n{extraPluginsYaml}");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "token"), Token);
        if (configYaml is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.Path, "config.yaml"), configYaml);
        }

        if (seed is not null)
        {
            gitHub.Change(Repo, seed);
        }

        var prow = await InProcessProw.StartAsync(folder.Path, o => (configure ?? (x => x))(o with
        {
            JobConfigPath = Path.Combine(folder.Path, "jobs.yaml"),
            PluginConfig = Path.Combine(folder.Path, "plugins.yaml"),
            GitHubEndpoints = [gitHub.BaseAddress],
            GitHubTokenPath = Path.Combine(folder.Path, "token"),
            CatApiEndpoint = catApi,
            DryRun = dryRun,
            ConfigPath = configYaml is null ? null : Path.Combine(folder.Path, "config.yaml"),
        }));
        return new PluginTestHost(folder, gitHub, prow);
    }

    /// <summary>Posts a signed webhook and waits until the owning grain has handled it.</summary>
    public async Task SendAsync(string eventName, string json, int? pullRequest = null)
    {
        var id = $"delivery-{Interlocked.Increment(ref _delivery)}";
        var response = await Prow.Client.SendAsync(Webhooks.Request(eventName, id, json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (pullRequest is { } number)
        {
            var grain = Prow.Grains.GetGrain<IPullRequestGrain>($"{Repo}#{number}");
            var expected = CountFor(number);
            await Eventually(async () => (await grain.GetAsync()).Deliveries >= expected);
        }
        else
        {
            var grain = Prow.Grains.GetGrain<IRepositoryGrain>(Repo);
            // The repository grain counts every repository-level delivery, whatever issue it is about.
            var expected = CountFor(int.MinValue);
            await Eventually(async () => (await grain.GetSummaryAsync()).Deliveries >= expected);
        }
    }

    public async Task<IReadOnlyList<string>> RequestedJobsAsync(int number) =>
        [.. (await Prow.Grains.GetGrain<IPullRequestGrain>($"{Repo}#{number}").GetAsync()).RequestedJobs.Select(j => j.Job)];

    public async Task<IReadOnlyList<ProwJobRequest>> RequestsAsync(int number) =>
        (await Prow.Grains.GetGrain<IPullRequestGrain>($"{Repo}#{number}").GetAsync()).RequestedJobs;

    /// <summary>Waits until every context has reached the state on the commit (the jobs run in the background).</summary>
    public Task WaitForStatusesAsync(string sha, IReadOnlyList<string> contexts, string state) =>
        Eventually(
            () => Task.FromResult(contexts.All(c => GitHub.StatusesFor(Repo, sha).Any(s => s.Context == c && s.State == state))),
            () => Task.FromResult($"{string.Join(", ", contexts)} did not reach {state} on {sha} within 60 s; statuses: "
                + string.Join("; ", GitHub.StatusesFor(Repo, sha).OrderBy(s => s.Id).Select(s => $"{s.Context} {s.State} {s.Description}"))));

    public async ValueTask DisposeAsync()
    {
        await Prow.DisposeAsync();
        await GitHub.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Counts one more delivery sent to this grain; called once per send, never inside a poll.</summary>
    private int CountFor(int key)
    {
        lock (_sent)
        {
            _sent[key] = _sent.GetValueOrDefault(key) + 1;
            return _sent[key];
        }
    }

    /// <summary>The plugins of one event run at once, as in Prow, so the order their labels were put on is not fixed.</summary>
    public static void AssertLabels(string[] expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

    /// <summary>Waits (generously: the bound only catches a hang) for something the host does in the background.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, Func<string> describe) =>
        Eventually(() => Task.FromResult(condition()), () => Task.FromResult(describe()));

    /// <summary>Waits (generously: the bound only catches a hang) and, on failure, says what GitHub saw.</summary>
    private Task Eventually(Func<Task<bool>> condition) => Eventually(condition, WebhookNotHandledAsync);

    private static async Task Eventually(Func<Task<bool>> condition, Func<Task<string>> failure)
    {
        for (var i = 0; i < 2400; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail(await failure());
    }

    private async Task<string> WebhookNotHandledAsync()
    {
        var metrics = await Prow.Client.GetStringAsync("/metrics");
        return "the webhook was not handled within 60 s. GitHub calls: "
            + string.Join(", ", GitHub.Calls.Select(c => $"{c.Method} {c.Path}"))
            + ". Ingress: " + string.Join(" ", metrics.Split('\n').Where(l => l.StartsWith("prow_ingress", StringComparison.Ordinal)));
    }
}
