using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Grains.Plugins.Framework;
using Prow.Services.Logging;
using Prow.Services.PluginHelp;
using Prow.Services.Plugins;

namespace Prow.Grains.Tests.Plugins;

/// <summary>
/// The plugins enabled for a repository run at once, as Prow's hook runs them: one waiting on an unreachable GitHub
/// does not hold the others, and one that fails is counted and listed while the others still run.
/// </summary>
public sealed class PluginDispatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-dispatcher-").FullName;
    private readonly GitHubClient _gitHub = new(new GitHubClientOptions());
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task SlowPlugin_DoesNotHoldTheOthers()
    {
        // Named after plugins Prow registers, as plugins.yaml may only name those: cat waits on GitHub, hold does not.
        var slow = new TestPlugin("cat");
        var quick = new TestPlugin("hold") { Waits = false };
        var dispatcher = new PluginDispatcher(new PluginRegistry([slow, quick]), new RepeatedFailures(TimeProvider.System));

        var dispatching = dispatcher.DispatchAsync(Context("cat", "hold"), Comment(), "d1", "created");

        // quick finishes while slow still waits; the dispatch ends only when both have.
        await quick.Finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(dispatching.IsCompleted);
        slow.Gate.SetResult();
        await dispatching.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(slow.Finished.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task FailingPlugin_IsCountedByPluginEventAndAction_AndListed_AndTheOthersRun()
    {
        using var failures = new PluginFailureLog(_meters);
        var counted = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PluginFailureLog.MeterName && instrument.Name == "plugin_handle_errors")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => counted.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var broken = new TestPlugin("label") { Failure = new GitHubApiException("GitHub is unreachable") };
        var fine = new TestPlugin("help") { Waits = false };

        await new PluginDispatcher(new PluginRegistry([broken, fine]), new RepeatedFailures(TimeProvider.System), failures).DispatchAsync(Context("label", "help"), Comment(), "d2", "created");

        Assert.True(fine.Finished.Task.IsCompletedSuccessfully);
        var (value, tags) = Assert.Single(counted);
        Assert.Equal(1, value);
        Assert.Equal(("issue_comment", "created", "label"), ((string)tags["event_type"]!, (string)tags["action"]!, (string)tags["plugin"]!));
        var failure = Assert.Single(failures.Recent());
        Assert.Equal(("label", "issue_comment", "org/repo", "d2", "GitHub is unreachable"), (failure.Plugin, failure.EventType, failure.Repository, failure.DeliveryId, failure.Error));
    }

    [Fact]
    public void FailureLog_KeepsTheNewest()
    {
        using var failures = new PluginFailureLog(_meters);

        for (var i = 0; i < PluginFailureLog.Kept + 5; i++)
        {
            failures.Record(new PluginFailure(DateTimeOffset.UnixEpoch.AddSeconds(i), "p", "push", null, "org/repo", $"d{i}", "boom"));
        }

        Assert.Equal(PluginFailureLog.Kept, failures.Recent().Count);
        Assert.Equal($"d{PluginFailureLog.Kept + 4}", failures.Recent()[0].DeliveryId);
    }

    public void Dispose()
    {
        _gitHub.Dispose();
        _meters.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private PluginContext Context(params string[] plugins)
    {
        var file = Path.Combine(_folder, $"plugins-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, $"plugins:\n  org/repo: [{string.Join(", ", plugins)}]\n");
        var loaded = ConfigLoader.Load(new ConfigPaths(null, null, file));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        return new PluginContext(loaded.Snapshot!, _gitHub, _ => Task.FromResult("bot"), NullLogger.Instance, TimeProvider.System, CancellationToken.None);
    }

    private static IssueCommentEvent Comment() => new()
    {
        Action = "created",
        Repository = new Repository { Name = "repo", FullName = "org/repo", Owner = new User { Login = "org" } },
        Issue = new Issue { Number = 4, State = "open", Title = "t", User = new User { Login = "author" }, PullRequest = new IssuePullRequestLink() },
        Comment = new IssueComment { Body = "/meow", User = new User { Login = "reviewer" } },
    };

    private sealed class TestPlugin(string name) : IPlugin, IGenericCommentHandler
    {
        public string Name => name;

        public Exception? Failure { get; init; }

        public bool Waits { get; init; } = true;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PluginHelp Help(PluginHelpContext context) => new(name, name, [], []);

        public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
        {
            Started.SetResult();
            if (Failure is not null)
            {
                throw Failure;
            }

            if (Waits)
            {
                await Gate.Task;
            }

            Finished.SetResult();
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
