using Microsoft.Extensions.Logging;
using Prow.Config.Watching;

namespace Prow.Config.Tests;

public sealed class ConfigWatcherTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private static readonly ConfigWatcherOptions s_fast = new()
    {
        Debounce = TimeSpan.FromMilliseconds(50),
        PollInterval = TimeSpan.FromMilliseconds(200),
    };

    private static string Periodic(string name) =>
        $"periodics:\n- name: {name}\n  interval: 1h\n  spec: {{containers: [{{image: alpine}}]}}\n";

    [Fact]
    public async Task Watcher_GoodChange_SwapsSnapshotAndRaisesChanged()
    {
        using var dir = new TempDir();
        var config = dir.Write("config.yaml", "pod_namespace: pods\n");
        dir.Write("jobs/a.yaml", Periodic("ci-a"));
        using var watcher = new ConfigWatcher(new ConfigPaths(config, Path.Combine(dir.Root, "jobs")), options: s_fast);
        var first = watcher.Current!;
        var changed = new TaskCompletionSource<ConfigChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Changed += (_, e) => changed.TrySetResult(e);

        dir.Replace("jobs/b.yaml", Periodic("ci-b"));
        var e = await changed.Task.WaitAsync(s_timeout);

        Assert.Same(first, e.Previous);
        Assert.Equal(2, e.Current.Jobs.Periodics.Count);
        Assert.Same(e.Current, watcher.Current);
        Assert.NotEqual(first.Fingerprint, e.Current.Fingerprint);
    }

    [Fact]
    public async Task Watcher_BrokenChange_KeepsLastGoodAndLogsProblem()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("ci-a"));
        var logger = new ListLogger();
        using var watcher = new ConfigWatcher(new ConfigPaths(null, Path.GetDirectoryName(jobs)), logger, s_fast);
        var good = watcher.Current!;
        var failed = new TaskCompletionSource<ConfigReloadFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.ReloadFailed += (_, e) => failed.TrySetResult(e);
        var changedCount = 0;
        watcher.Changed += (_, _) => Interlocked.Increment(ref changedCount);

        dir.Replace("jobs/a.yaml", "periodics:\n- name: ci-a\n  cron: \"99 * * * *\"\n  spec: {containers: [{image: alpine}]}\n");
        var e = await failed.Task.WaitAsync(s_timeout);

        Assert.Same(good, watcher.Current);
        Assert.Equal(0, changedCount);
        Assert.Contains(e.Result.Errors, p => p.Line == 3 && p.Field == "periodics.ci-a.cron");
        Assert.Contains(logger.Messages, m => m.StartsWith($"{jobs}:3: periodics.ci-a.cron: invalid cron string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watcher_FixAfterBrokenChange_RecoversToNewSnapshot()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("ci-a"));
        using var watcher = new ConfigWatcher(new ConfigPaths(null, Path.GetDirectoryName(jobs)), options: s_fast);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var changed = new TaskCompletionSource<ConfigSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.ReloadFailed += (_, _) => failed.TrySetResult();
        watcher.Changed += (_, e) => changed.TrySetResult(e.Current);

        dir.Replace("jobs/a.yaml", "periodics: [");
        await failed.Task.WaitAsync(s_timeout);
        dir.Replace("jobs/a.yaml", Periodic("ci-renamed"));
        var current = await changed.Task.WaitAsync(s_timeout);

        Assert.Equal("ci-renamed", Assert.Single(current.Jobs.Periodics).Name);
    }

    [Fact]
    public async Task Watcher_PollingOnly_NoticesChange()
    {
        using var dir = new TempDir();
        var plugins = dir.Write("plugins.yaml", "plugins:\n  org: [trigger]\n");
        var options = s_fast with { UseFileSystemEvents = false, PollInterval = TimeSpan.FromMilliseconds(100) };
        using var watcher = new ConfigWatcher(new ConfigPaths(null, null, plugins), options: options);
        var changed = new TaskCompletionSource<ConfigSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Changed += (_, e) => changed.TrySetResult(e.Current);

        dir.Replace("plugins.yaml", "plugins:\n  org: [trigger, lgtm]\n");
        var current = await changed.Task.WaitAsync(s_timeout);

        Assert.Equal(["trigger", "lgtm"], current.Plugins.EnabledPluginsFor("org", "repo"));
    }

    [Fact]
    public async Task Watcher_ThrowingSubscriber_DoesNotStopLaterReloads()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("ci-a"));
        using var watcher = new ConfigWatcher(new ConfigPaths(null, Path.GetDirectoryName(jobs)), options: s_fast);
        var seen = new TaskCompletionSource<ConfigSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        watcher.Changed += (_, e) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("subscriber bug");
            }

            seen.TrySetResult(e.Current);
        };

        dir.Replace("jobs/a.yaml", Periodic("ci-b"));
        await WaitUntil(() => Volatile.Read(ref calls) >= 1);
        dir.Replace("jobs/a.yaml", Periodic("ci-c"));
        var current = await seen.Task.WaitAsync(s_timeout);

        Assert.Equal("ci-c", Assert.Single(current.Jobs.Periodics).Name);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    [Fact]
    public void Watcher_FirstLoadBroken_HasNoCurrentButReportsProblems()
    {
        using var dir = new TempDir();
        var config = dir.Write("config.yaml", "sinker: [oops]\n");
        using var watcher = new ConfigWatcher(new ConfigPaths(config), options: s_fast);

        Assert.Null(watcher.Current);
        Assert.Contains(watcher.LastResult.Errors, p => p.Field == "sinker" && p.Line == 1);
    }

    private sealed class ListLogger : ILogger<ConfigWatcher>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
