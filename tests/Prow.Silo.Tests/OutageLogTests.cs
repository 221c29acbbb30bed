using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Hold;
using Prow.Grains.Tide;
using Prow.Services.Configuration;
using Prow.Services.Logging;
using Prow.Services.PluginHelp;
using Prow.TestKit;
using Prow.TestKit.Time;

namespace Prow.Silo.Tests;

/// <summary>
/// GitHub away: a plugin's failure and tide's failed sync are one log line each with the cause and no stack trace,
/// written once per window with how many were held back; a failure that is not GitHub's stays in full.
/// </summary>
public sealed class OutageLogTests : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly AutoAdvanceTimeProvider _clock = new();
    private readonly CapturedLog _log = new();
    private FakeGitHubServer? _gitHub;
    private GitHubClient? _client;

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_gitHub is not null)
        {
            await _gitHub.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task PluginFailing_WhileGitHubIsAway_LogsOneLineWithTheCause_OncePerWindow()
    {
        var (config, client) = await GitHubAwayAsync("plugins:\n  org: [hold]\n");
        var dispatcher = new PluginDispatcher(new PluginRegistry([new HoldPlugin()]), new RepeatedFailures(_clock));
        async Task HoldAsync(int delivery)
        {
            Assert.True(WebhookEventParser.TryParse("issue_comment", Encoding.UTF8.GetBytes(Webhooks.PullRequestComment("org/repo", 1, "/hold", "alice")), out var comment, out var error), error);
            var context = new PluginContext(config, client, _ => Task.FromResult("prow-bot"), _log, _clock, CancellationToken.None);
            await dispatcher.DispatchAsync(context, comment!, $"delivery-{delivery}");
        }

        for (var delivery = 1; delivery <= 3; delivery++)
        {
            await HoldAsync(delivery);
        }

        var line = Assert.Single(_log.Lines);
        Assert.Null(line.Exception);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("hold", line.Message, StringComparison.Ordinal);
        Assert.Contains("502", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Message);

        _clock.Advance(RepeatedFailures.Window);
        await HoldAsync(4);
        Assert.Equal(2, _log.Lines.Count);
        Assert.Contains("2 more since", _log.Lines[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginFailing_ForAReasonOtherThanGitHub_IsLoggedInFull()
    {
        var (config, client) = await GitHubAwayAsync("plugins:\n  org: [hold]\n");
        var dispatcher = new PluginDispatcher(new PluginRegistry([new BrokenPlugin()]), new RepeatedFailures(_clock));
        Assert.True(WebhookEventParser.TryParse("issue_comment", Encoding.UTF8.GetBytes(Webhooks.IssueComment("org/repo", 1, "hi")), out var comment, out var error), error);

        await dispatcher.DispatchAsync(new PluginContext(config, client, _ => Task.FromResult("prow-bot"), _log, _clock, CancellationToken.None), comment!, "delivery-1");

        var line = Assert.Single(_log.Lines);
        Assert.IsType<InvalidOperationException>(line.Exception);
        Assert.Equal(LogLevel.Error, line.Level);
    }

    [Fact]
    public async Task TideSync_WhileGitHubIsAway_LogsLinesWithoutStackTraces_FewerThanItsFailedSyncs()
    {
        var (config, client) = await GitHubAwayAsync("", "tide:\n  sync_period: 1m\n  queries:\n  - repos: [org/repo]\n    labels: [lgtm]\n");
        var source = new StaticConfigSource(config);
        var sync = new TideSync(null!, client, source, new RepeatedFailures(_clock), new CapturedLog.Typed<TideSync>(_log)); // the search fails before any grain is asked
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new TideMetrics(meters.GetRequiredService<IMeterFactory>());
        using var service = new TideSyncService(sync, source, _clock, new RepeatedFailures(_clock), metrics, new CapturedLog.Typed<TideSyncService>(_log));

        await service.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _gitHub!.Calls.Count(c => c.Path.StartsWith("/search/", StringComparison.Ordinal)) >= 8);
        await service.StopAsync(CancellationToken.None);

        var syncs = _gitHub!.Calls.Count(c => c.Path.StartsWith("/search/", StringComparison.Ordinal));
        Assert.NotEmpty(_log.Lines);
        Assert.All(_log.Lines, line => Assert.Null(line.Exception));
        Assert.Contains("502", _log.Lines[0].Message, StringComparison.Ordinal);
        Assert.True(_log.Lines.Count < syncs, $"{_log.Lines.Count} lines for {syncs} failed syncs");
    }

    private async Task<(ConfigSnapshot Config, GitHubClient Client)> GitHubAwayAsync(string plugins, string config = "")
    {
        _gitHub = await FakeGitHubServer.StartAsync();
        _gitHub.State.AddRepo("org/repo").AddPullRequest(1, "x", "alice", "sha1");
        _gitHub.FailNext(int.MaxValue, 502, "Bad Gateway");
        var options = new GitHubClientOptions { Token = "t", Throttle = { MaxRetries = 0 } };
        options.Endpoints.Add(_gitHub.BaseAddress);
        _client = new GitHubClient(options, time: _clock);
        var configFile = Path.Combine(_folder.Path, "config.yaml");
        var pluginsFile = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(configFile, config);
        await File.WriteAllTextAsync(pluginsFile, plugins);
        var loaded = ConfigLoader.Load(new ConfigPaths(configFile, null, pluginsFile));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        return (loaded.Snapshot!, _client);
    }

    /// <summary>Stands in for hold (a name plugins.yaml accepts) and fails as a bug would.</summary>
    private sealed class BrokenPlugin : IPlugin, IGenericCommentHandler
    {
        public string Name => HoldPlugin.PluginName;

        public Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment) => throw new InvalidOperationException("a bug");

        public PluginHelp Help(PluginHelpContext context) => new("Breaks.", "Breaks.", [], []);
    }
}
