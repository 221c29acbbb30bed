using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.Tide;
using Prow.Services.JobIndex;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Web.Tests;

/// <summary>
/// The real prow host on a loopback port, with the fake GitHub (API and OAuth) and Debian's Chromium driven by
/// Playwright; shared by the deck tests. Jobs are seeded through <see cref="IProwJobGrain"/>, as triggers create them.
/// </summary>
public sealed class DeckHost : IAsyncLifetime
{
    public const string AdminToken = "deck-admin-token";
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The repository tide's query covers (no other test makes jobs in it, so its pools change only by the tide tests).</summary>
    public const string TideRepo = "acme/harbour";
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private IPlaywright? _playwright;

    public string Folder { get; } = Directory.CreateTempSubdirectory("prow-web-").FullName;

    public FakeGitHubServer GitHub { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public IProwJobIndex Index => _app!.Services.GetRequiredService<IProwJobIndex>();

    /// <summary>Tide's search sync, which the tide tests run after filling the fake GitHub rather than wait a period.</summary>
    public TideSync TideSync => _app!.Services.GetRequiredService<TideSync>();

    /// <summary>Where the e2e tests leave their screenshots (beside the test assembly, kept after the run).</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        GitHub = await FakeGitHubServer.StartAsync();
        GitHub.State.AddRepo(TideRepo).WithBranch("main", "harbourbase0");
        var config = Path.Combine(Folder, "config.yaml");
        await File.WriteAllTextAsync(config, $$"""
            deck:
              rerun_auth_configs:
                acme/widgets:
                  github_users: [alice]
                  github_orgs: [acme-admins]
            tide:
              queries:
              - repos: [{{TideRepo}}]
                labels: [lgtm]
              blocker_label: merge-blocker
            """);
        var plugins = Path.Combine(Folder, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  acme/widgets:\n    plugins: [trigger]\n");
        var oauth = Path.Combine(Folder, "github-oauth-config.yaml");
        await File.WriteAllTextAsync(oauth, $"client_id: {GitHub.OAuthApp.ClientId}\nclient_secret: {GitHub.OAuthApp.ClientSecret}\n");
        var adminToken = Path.Combine(Folder, "admin-token");
        await File.WriteAllTextAsync(adminToken, AdminToken + "\n");
        _app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(Folder, "prow.db")),
            ConfigPath = config,
            PluginConfig = plugins,
            AdminTokenFile = adminToken,
            Artifacts = Path.Combine(Folder, "artifacts"),
            GitHubEndpoints = [GitHub.BaseAddress],
            GitHubOAuthConfigFile = oauth,
            GitHubOAuthUrl = GitHub.BaseAddress,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    /// <summary>A fresh browser profile (no cookies) pointed at the host, patient enough for a loaded CI machine.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Creates a ProwJob. With <paramref name="script"/> it runs on the local build cluster (no clone); without, it names
    /// a cluster that does not exist and so ends at once as <c>error</c>.
    /// </summary>
    public async Task<ProwJob> CreateJobAsync(string job, string repo = "acme/widgets", int? pull = 7, string author = "alice", string sha = "abc1234def", string? script = null)
    {
        var now = DateTimeOffset.UtcNow;
        var (org, name) = (repo.Split('/')[0], repo.Split('/')[1]);
        var prowJob = new ProwJob
        {
            Metadata = new ProwJobMetadata { Name = Guid.NewGuid().ToString(), CreationTimestamp = now },
            Spec = new ProwJobSpec
            {
                Type = pull is null ? ProwJobType.Postsubmit : ProwJobType.Presubmit,
                Cluster = script is null ? "nowhere" : "default",
                Job = job,
                Refs = new ProwJobRefs
                {
                    Org = org,
                    Repo = name,
                    BaseRef = "main",
                    BaseSha = "base000",
                    Pulls = pull is { } number ? [new ProwJobPull { Number = number, Author = author, Sha = sha }] : [],
                },
                DecorationConfig = JsonDocument.Parse("""{"skip_cloning": true}""").RootElement.Clone(),
                PodSpec = JsonSerializer.SerializeToElement(new { containers = new[] { new { image = "alpine", command = new[] { "sh", "-c", script ?? "true" } } } }),
            },
            Status = new ProwJobStatus { StartTime = now, State = ProwJobState.Triggered, Description = "Job triggered." },
        };
        return await Grains.GetGrain<IProwJobGrain>(prowJob.Id).CreateAsync(prowJob);
    }

    /// <summary>Waits (polling, generously) until the job has finished; returns it.</summary>
    public async Task<ProwJob> WaitFinishedAsync(string id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await Grains.GetGrain<IProwJobGrain>(id).GetAsync();
            if (job is { Status.Complete: true })
            {
                return job;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"ProwJob {id} did not finish in 90 s (state {job?.Status.State}).");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await GitHub.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A job's process may still hold a file; the temp cleaner takes the rest.
        }
    }
}
