using System.Text;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.Framework;

namespace Prow.Silo.Tests;

/// <summary>
/// One plugin run through the real dispatcher against the fake GitHub on loopback with the production client, without
/// a host: what a plugin's table tests use (the host-level tests prove the wiring once per plugin).
/// </summary>
internal sealed class PluginHarness : IAsyncDisposable
{
    public const string Repo = "org/repo";

    private readonly TempFolder _folder = new();
    private readonly GitHubClient _client;
    private int _delivery;

    private PluginHarness(FakeGitHubServer gitHub, bool appAuth)
    {
        GitHub = gitHub;
        var options = new GitHubClientOptions { Token = "t" };
        options.Endpoints.Add(gitHub.BaseAddress);
        if (appAuth)
        {
            // The client authenticates as a GitHub App installed on the org, with a key the fake checks the app's JWT against.
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var keyPath = System.IO.Path.Combine(_folder.Path, "app-key.pem");
            File.WriteAllText(keyPath, key.ExportRSAPrivateKeyPem());
            gitHub.AppPublicKey = System.Security.Cryptography.RSA.Create(key.ExportParameters(false));
            gitHub.State.Org("org").InstallationId = 77;
            options.Token = null;
            options.App = new GitHubAppOptions { AppId = FakeGitHubServer.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), PrivateKeyPath = keyPath };
        }

        _client = new GitHubClient(options);
    }

    public FakeGitHubServer GitHub { get; }

    public FakeRepo FakeRepo => GitHub.State.Repo(Repo);

    /// <summary>The jobs plugins asked for over every run so far, in order.</summary>
    public List<Prow.GrainInterfaces.ProwJobRequest> JobRequests { get; } = [];

    /// <param name="appAuth">The client authenticates as a GitHub App (which alone may create check runs) instead of with a token.</param>
    public static async Task<PluginHarness> StartAsync(bool appAuth = false)
    {
        var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo(Repo).WithBranch("main", "base0000");
        gitHub.State.Org("org").Members.Add("alice");
        gitHub.State.Org("org").Members.Add("maintainer");
        return new PluginHarness(gitHub, appAuth);
    }

    /// <summary>
    /// Runs <paramref name="plugin"/>, enabled for the org with <paramref name="pluginsYaml"/> beside it and the
    /// presubmits of <paramref name="jobsYaml"/>, on one delivery.
    /// </summary>
    /// <param name="time">The clock the plugin waits on (a test clock for plugins that wait); the system clock by default.</param>
    /// <param name="configYaml">A config.yaml beside them (tide's settings and queries, owners_dir_denylist) for plugins that read it; none when null or empty.</param>
    public async Task RunAsync(IPlugin plugin, string eventName, string json, string pluginsYaml = "", TimeProvider? time = null, string jobsYaml = "", string? configYaml = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var file = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(file, $"plugins:\n  org: [{plugin.Name}]\n{pluginsYaml}");
        string? jobs = null;
        if (jobsYaml.Length > 0)
        {
            jobs = Path.Combine(_folder.Path, "jobs.yaml");
            await File.WriteAllTextAsync(jobs, jobsYaml);
        }

        string? config = null;
        if (!string.IsNullOrEmpty(configYaml))
        {
            config = Path.Combine(_folder.Path, "config.yaml");
            await File.WriteAllTextAsync(config, configYaml);
        }

        var loaded = ConfigLoader.Load(new ConfigPaths(config, jobs, file));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        Assert.True(WebhookEventParser.TryParse(eventName, Encoding.UTF8.GetBytes(json), out var gitHubEvent, out var error), error);
        var failures = new FailureLogger();
        var context = new PluginContext(loaded.Snapshot!, _client, _ => Task.FromResult(GitHub.State.BotLogin), failures, time ?? TimeProvider.System, CancellationToken.None);
        await new PluginDispatcher(new PluginRegistry([plugin]), new Services.Logging.RepeatedFailures(TimeProvider.System)).DispatchAsync(context, gitHubEvent!, $"delivery-{++_delivery}");
        JobRequests.AddRange(context.JobRequests);
        Assert.True(failures.Errors.Count == 0, string.Join('\n', failures.Errors));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await GitHub.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>The dispatcher logs a plugin's exception instead of throwing it: the harness turns that into a failed test.</summary>
    private sealed class FailureLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Error;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= Microsoft.Extensions.Logging.LogLevel.Error)
            {
                Errors.Add(formatter(state, exception) + " " + exception);
            }
        }
    }
}
