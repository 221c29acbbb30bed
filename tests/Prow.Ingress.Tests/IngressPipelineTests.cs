using Prow.TestKit;
using Prow.TestKit.Time;
using static Prow.Ingress.Tests.RecordingHandler;

namespace Prow.Ingress.Tests;

public sealed class IngressPipelineTests
{
    private readonly MemoryIngressStore _store = new(TimeProvider.System);
    private readonly RecordingHandler _handler = new();

    [Fact]
    public async Task Accept_StoresThenHandlesThenCompletes()
    {
        var storedWhenHandled = false;
        _handler.Behavior = async (entry, cancellationToken) =>
            storedWhenHandled = (await _store.ReadPendingAsync(entry.Id - 1, 1, cancellationToken)).SingleOrDefault()?.Id == entry.Id;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        var result = await ingress.AcceptAsync("hello", "d1");

        Assert.False(result.Duplicate);
        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 1);
        Assert.True(storedWhenHandled, "the entry was pending in the store while it was handled");
        var entry = Assert.Single(_handler.Started);
        Assert.Equal(result.Id, entry.Id);
        Assert.Equal(DefaultKind, entry.Kind);
        Assert.Equal("d1", entry.DedupeKey);
        Assert.Equal("hello", Text(entry));
        Assert.Equal(0, entry.Attempts);
        Assert.Equal(new IngressCounts(0, 1, 0), await ingress.CountAsync());
        Assert.Equal(new IngressSnapshot(Accepted: 1, Duplicates: 0, Handled: 1, Failures: 0, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task Accept_SameDedupeKeyTwice_HandledOnce_SecondIsADuplicateOfTheFirst()
    {
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        var first = await ingress.AcceptAsync("first", "delivery-1");
        var second = await ingress.AcceptAsync("second", "delivery-1");
        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 1);
        var third = await ingress.AcceptAsync("third", "delivery-1");
        await ingress.StopAsync();

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.True(third.Duplicate);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Id, third.Id);
        Assert.Equal(["first"], _handler.Started.Select(Text));
        Assert.Equal(new IngressCounts(0, 1, 0), await ingress.CountAsync());
        Assert.Equal(new IngressSnapshot(Accepted: 1, Duplicates: 2, Handled: 1, Failures: 0, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task Accept_NoDedupeKey_EveryMessageIsHandled()
    {
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        var results = new[] { await ingress.AcceptAsync("same", null), await ingress.AcceptAsync("same", null) };
        await Poll.UntilAsync(() => _handler.Succeeded.Count == 2);

        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.NotEqual(results[0].Id, results[1].Id);
    }

    [Fact]
    public async Task Accept_UnknownKind_IsRefused_AndNothingIsStored()
    {
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ingress.Pipeline.AcceptAsync(TestPipeline.Message("x", "d1", kind: "nope"), CancellationToken.None));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
        Assert.Equal(new IngressCounts(0, 0, 0), await ingress.CountAsync());
        Assert.Equal(0, ingress.Metrics.Snapshot().Accepted);
    }

    [Fact]
    public async Task Accept_EachKindGoesToItsOwnHandler()
    {
        var other = new RecordingHandler("other");
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler, other]);

        await ingress.Pipeline.AcceptAsync(TestPipeline.Message("to-test", null), CancellationToken.None);
        await ingress.Pipeline.AcceptAsync(TestPipeline.Message("to-other", null, kind: "other"), CancellationToken.None);
        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 2);

        Assert.Equal(["to-test"], _handler.Started.Select(Text));
        Assert.Equal(["to-other"], other.Started.Select(Text));
    }

    [Fact]
    public async Task Accept_CallerGivesUpWhileTheCommitIsUnderWay_TheInputIsStillHandled()
    {
        // The gateway passes the request's abort token: a sender that hangs up must not leave a committed input unhandled
        // until the next restart, least of all since its redelivery (same delivery id) is then refused as a duplicate.
        var gated = new GatedStore(_store);
        await using var ingress = await TestPipeline.StartAsync(gated, [_handler]);
        using var aborted = new CancellationTokenSource();

        var accept = ingress.AcceptAsync("hung-up", "delivery-1", aborted.Token);
        await gated.AppendEntered;
        await aborted.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accept);
        gated.Open();

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 1, seconds: 15);
        Assert.Equal(["hung-up"], _handler.Started.Select(Text));
        Assert.True((await ingress.AcceptAsync("hung-up", "delivery-1")).Duplicate);
        Assert.Equal(new IngressSnapshot(Accepted: 1, Duplicates: 1, Handled: 1, Failures: 0, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task Accept_AnswersOnlyAfterTheCommit_AndWaitingAcceptsShareOneCommit()
    {
        var gated = new GatedStore(_store);
        await using var ingress = await TestPipeline.StartAsync(gated, [_handler]);

        var first = ingress.AcceptAsync("first", null);
        await gated.AppendEntered;
        var waiting = Enumerable.Range(0, 50).Select(i => ingress.AcceptAsync($"m{i}", null)).ToArray();

        Assert.False(first.IsCompleted, "no answer before the commit");
        Assert.All(waiting, a => Assert.False(a.IsCompleted));
        Assert.Equal(new IngressCounts(0, 0, 0), await ingress.CountAsync());
        gated.Open();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([1, 50], gated.BatchSizes);
        await Poll.UntilAsync(() => ingress.Pipeline.CommitStatistics == (2, 51));
        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 51);
        Assert.Equal(["first", .. Enumerable.Range(0, 50).Select(i => $"m{i}")], _handler.Started.Select(Text));
    }

    [Fact]
    public async Task Accept_StoreFailure_ReachesTheCaller_AndNothingIsHandled()
    {
        var gated = new GatedStore(_store) { AppendError = new IOException("disk full") };
        gated.Open();
        await using var ingress = await TestPipeline.StartAsync(gated, [_handler]);

        var error = await Assert.ThrowsAsync<IOException>(() => ingress.AcceptAsync("lost", "d1"));

        Assert.Equal("disk full", error.Message);
        await ingress.StopAsync();
        Assert.Empty(_handler.Started);
        Assert.Equal(new IngressSnapshot(Accepted: 0, Duplicates: 0, Handled: 0, Failures: 0, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task Accept_AfterStop_IsRefused()
    {
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);
        await ingress.StopAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => ingress.AcceptAsync("late", null));
        Assert.Equal(new IngressCounts(0, 0, 0), await ingress.CountAsync());
    }

    [Fact]
    public async Task FailingHandler_IsRetriedWithBackoff_ThenSucceeds()
    {
        var time = new AutoAdvanceTimeProvider();
        _handler.Behavior = (entry, _) => entry.Attempts == 0 ? Task.FromException(new InvalidOperationException("first attempt fails")) : Task.CompletedTask;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], time: time);

        await ingress.AcceptAsync("flaky", "f1");

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 1);
        Assert.Equal([0, 1], _handler.Started.Select(e => e.Attempts));
        Assert.Equal([TimeSpan.FromMilliseconds(100)], Backoffs(time));
        Assert.Equal(new IngressSnapshot(Accepted: 1, Duplicates: 0, Handled: 1, Failures: 1, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task HandlerThatThrowsInsteadOfReturningAFaultedTask_IsRetriedToo()
    {
        var time = new AutoAdvanceTimeProvider();
        _handler.Behavior = (entry, _) => entry.Attempts < 2 ? throw new InvalidOperationException("synchronous failure") : Task.CompletedTask;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], time: time);

        await ingress.AcceptAsync("throws", null);

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 1);
        Assert.Equal([0, 1, 2], _handler.Started.Select(e => e.Attempts));
        Assert.Equal(2, ingress.Metrics.Snapshot().Failures);
    }

    [Fact]
    public async Task HandlerThatAlwaysFails_IsParkedAfterMaxAttempts_AndNotReplayedOnRestart()
    {
        var time = new AutoAdvanceTimeProvider();
        _handler.Behavior = (entry, _) => Text(entry) == "bad" ? Task.FromException(new InvalidOperationException("always fails")) : Task.CompletedTask;
        await using (var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.MaxAttempts = 3, time))
        {
            await ingress.AcceptAsync("bad", "b1");
            await ingress.AcceptAsync("good", "g1");

            await Poll.UntilAsync(async () => await ingress.CountAsync() == new IngressCounts(0, 1, 1));
            Assert.Equal([0, 1, 2], _handler.Started.Where(e => Text(e) == "bad").Select(e => e.Attempts));
            Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)], Backoffs(time));
            Assert.Equal(new IngressSnapshot(Accepted: 2, Duplicates: 0, Handled: 1, Failures: 3, InFlight: 0), ingress.Metrics.Snapshot());
            Assert.True((await ingress.AcceptAsync("bad", "b1")).Duplicate, "a parked input keeps its dedupe key");
        }

        var restarted = new RecordingHandler();
        await using var again = await TestPipeline.StartAsync(_store, [restarted], o => o.MaxAttempts = 3, time);
        await again.AcceptAsync("sentinel", null);

        // Entries are handed out in order, so anything replayed would have started before the sentinel.
        await Poll.UntilAsync(() => restarted.Succeeded.Count == 1);
        Assert.Equal(["sentinel"], restarted.Started.Select(Text));
        Assert.Equal(new IngressCounts(0, 2, 1), await again.CountAsync());
    }

    [Fact]
    public async Task TransientFailures_AreRetriedWithoutCountingTowardParking()
    {
        var time = new AutoAdvanceTimeProvider();
        var calls = 0;
        _handler.Behavior = (_, _) => Interlocked.Increment(ref calls) <= 10 ? Task.FromException(new TimeoutException("silo unreachable")) : Task.CompletedTask;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => (o.MaxAttempts, o.IsTransient) = (3, e => e is TimeoutException), time);

        await ingress.AcceptAsync("waits for the cluster", "t1");

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 1);
        Assert.Equal(11, calls);
        Assert.All(_handler.Started, e => Assert.Equal(0, e.Attempts));
        Assert.Equal(new IngressCounts(0, 1, 0), await ingress.CountAsync());
    }

    [Fact]
    public async Task ReplayedEntry_KeepsItsAttempts_SoMaxAttemptsCountsAcrossRestarts()
    {
        var id = (await _store.AppendAsync([TestPipeline.Message("bad", null)], CancellationToken.None))[0].Id;
        await _store.RecordFailureAsync(id, "before the restart", final: false, CancellationToken.None);
        await _store.RecordFailureAsync(id, "before the restart", final: false, CancellationToken.None);
        _handler.Behavior = (_, _) => Task.FromException(new InvalidOperationException("still failing"));

        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.MaxAttempts = 3, new AutoAdvanceTimeProvider());

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Failed == 1);
        Assert.Equal([2], _handler.Started.Select(e => e.Attempts));
        Assert.Equal(new IngressSnapshot(Accepted: 0, Duplicates: 0, Handled: 0, Failures: 1, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task HeldIngress_StoresWithoutHandling_ThenANewPipelineReplaysAll()
    {
        var accepted = new List<IngressAppendResult>();
        await using (var held = await TestPipeline.StartAsync(_store, [_handler], o => o.Hold = true))
        {
            Assert.True(held.Pipeline.IsReady);
            for (var i = 0; i < 20; i++)
            {
                accepted.Add(await held.AcceptAsync($"key{i % 4}", $"r{i}"));
            }

            Assert.True((await held.AcceptAsync("key0", "r0")).Duplicate, "held ingress still deduplicates");
            await held.StopAsync();

            Assert.Empty(_handler.Started);
            Assert.Equal(new IngressCounts(20, 0, 0), await held.CountAsync());
            Assert.Equal(new IngressSnapshot(Accepted: 20, Duplicates: 1, Handled: 0, Failures: 0, InFlight: 20), held.Metrics.Snapshot());
        }

        var resumedHandler = new RecordingHandler();
        await using var resumed = await TestPipeline.StartAsync(_store, [resumedHandler]);

        Assert.True(resumed.Pipeline.IsReady);
        await Poll.UntilAsync(async () => (await resumed.CountAsync()).Completed == 20);
        Assert.Equal(accepted.Select(a => a.Id), resumedHandler.Started.Select(e => e.Id));
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(5, resumedHandler.Started.Count(e => Text(e) == $"key{k}")));
        Assert.Equal(new IngressSnapshot(Accepted: 0, Duplicates: 0, Handled: 20, Failures: 0, InFlight: 0), resumed.Metrics.Snapshot());
    }

    [Fact]
    public async Task Replay_ReadsEveryPage_InIdOrder()
    {
        var results = await _store.AppendAsync([.. Enumerable.Range(0, 2_500).Select(i => TestPipeline.Message($"m{i}", $"k{i}"))], CancellationToken.None);
        await _store.CompleteAsync([results[10].Id, results[1_500].Id], CancellationToken.None);

        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 2_500);
        var expected = results.Select(r => r.Id).Where(id => id != results[10].Id && id != results[1_500].Id);
        Assert.Equal(expected, _handler.Started.Select(e => e.Id));
    }

    [Fact]
    public async Task Handlers_StartInArrivalOrder()
    {
        // Some handlers finish at once, some later: they finish out of order but must start in order.
        _handler.Behavior = async (entry, _) =>
        {
            for (var i = 0; i < entry.Id % 3; i++)
            {
                await Task.Yield();
            }
        };
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.Concurrency = 8);

        var accepted = new List<IngressAppendResult>();
        for (var i = 0; i < 200; i++)
        {
            accepted.Add(await ingress.AcceptAsync($"key{i % 5}", $"o{i}"));
        }

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 200);
        Assert.Equal(accepted.Select(a => a.Id), _handler.Started.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"key{i % 5}"), _handler.Started.Select(Text));
    }

    [Fact]
    public async Task ConcurrentAccepts_AreEachHandledOnce_StartingInIdOrder()
    {
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        var accepted = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => ingress.AcceptAsync($"m{i}", $"c{i % 100}"))));

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 100);
        await ingress.StopAsync();
        Assert.Equal(100, accepted.Count(a => !a.Duplicate));
        Assert.Equal(100, accepted.Select(a => a.Id).Distinct().Count());
        Assert.Equal(100, _handler.Started.Count);
        Assert.Equal(accepted.Where(a => !a.Duplicate).Select(a => a.Id).Order(), _handler.Started.Select(e => e.Id));
        Assert.Equal(new IngressSnapshot(Accepted: 100, Duplicates: 100, Handled: 100, Failures: 0, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task Concurrency_BoundsHowManyHandlersRunAtOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (_, _) => release.Task;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.Concurrency = 3);

        for (var i = 0; i < 10; i++)
        {
            await ingress.AcceptAsync($"m{i}", null);
        }

        await Poll.UntilAsync(() => _handler.Started.Count == 3);
        release.SetResult();
        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 10);

        Assert.Equal(3, _handler.MaxRunning);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), _handler.Started.Select(Text));
    }

    [Fact]
    public async Task Stop_WaitsForInFlightHandlers_AndFlushesTheirCompletions()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (_, _) => release.Task;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);
        await ingress.AcceptAsync("a", "a");
        await ingress.AcceptAsync("b", "b");
        await Poll.UntilAsync(() => _handler.Started.Count == 2);

        var stop = ingress.StopAsync();

        Assert.False(stop.IsCompleted, "stop waits for the handlers");
        await Assert.ThrowsAsync<InvalidOperationException>(() => ingress.AcceptAsync("c", "c"));
        Assert.Equal(new IngressCounts(2, 0, 0), await ingress.CountAsync());
        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(new IngressCounts(0, 2, 0), await ingress.CountAsync());
        Assert.Equal(new IngressSnapshot(Accepted: 2, Duplicates: 0, Handled: 2, Failures: 0, InFlight: 0), ingress.Metrics.Snapshot());
    }

    [Fact]
    public async Task Stop_PastItsDeadline_LeavesUnfinishedInputsPending_WithoutCountingAnAttempt()
    {
        // MaxAttempts 1: an input interrupted by the shutdown must not be parked as if its handler had failed.
        _handler.Behavior = (_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
        await using (var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.MaxAttempts = 1))
        {
            var id = (await ingress.AcceptAsync("slow", "s1")).Id;
            await Poll.UntilAsync(() => _handler.Started.Count == 1);

            await ingress.StopAsync(Expired());

            Assert.Equal(new IngressCounts(1, 0, 0), await ingress.CountAsync());
            Assert.Equal(0, Assert.Single(await _store.ReadPendingAsync(0, 10, CancellationToken.None)).Attempts);
            Assert.Equal(0, ingress.Metrics.Snapshot().Failures);
        }

        var restarted = new RecordingHandler();
        await using var again = await TestPipeline.StartAsync(_store, [restarted], o => o.MaxAttempts = 1);
        await Poll.UntilAsync(async () => (await again.CountAsync()).Completed == 1);
        var replayed = Assert.Single(restarted.Started);
        Assert.Equal("slow", Text(replayed));
        Assert.Equal(0, replayed.Attempts);
    }

    [Fact]
    public async Task Stop_HandlerThatSucceedsAfterTheDeadline_IsReplayedOnRestart()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (_, _) => release.Task;
        await using (var ingress = await TestPipeline.StartAsync(_store, [_handler]))
        {
            await ingress.AcceptAsync("ignores-cancellation", "i1");
            await Poll.UntilAsync(() => _handler.Started.Count == 1);

            await ingress.StopAsync(Expired());
            release.SetResult();
            await StoppedAsync(ingress);

            Assert.Equal(["ignores-cancellation"], _handler.Succeeded.Select(Text));
            Assert.Equal(new IngressCounts(1, 0, 0), await ingress.CountAsync());
            Assert.Equal(new IngressSnapshot(Accepted: 1, Duplicates: 0, Handled: 0, Failures: 0, InFlight: 1), ingress.Metrics.Snapshot());
        }

        var restarted = new RecordingHandler();
        await using var again = await TestPipeline.StartAsync(_store, [restarted]);
        await Poll.UntilAsync(async () => (await again.CountAsync()).Completed == 1);
        Assert.Equal(["ignores-cancellation"], restarted.Started.Select(Text));
    }

    [Fact]
    public async Task Stop_HandlerThatFailsAfterTheDeadline_IsNotCountedAsAnAttempt()
    {
        // Past the deadline what a handler calls may be stopping too (the silo stops right after the inbox).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (_, _) => release.Task;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.MaxAttempts = 1);
        await ingress.AcceptAsync("interrupted", "i1");
        await Poll.UntilAsync(() => _handler.Started.Count == 1);

        await ingress.StopAsync(Expired());
        release.SetException(new InvalidOperationException("the silo is gone"));
        await StoppedAsync(ingress);

        Assert.Equal(new IngressCounts(1, 0, 0), await ingress.CountAsync());
        Assert.Equal(0, Assert.Single(await _store.ReadPendingAsync(0, 10, CancellationToken.None)).Attempts);
        Assert.Equal(0, ingress.Metrics.Snapshot().Failures);
    }

    [Fact]
    public async Task Stop_PastItsDeadline_StartsNoInputThatWasStillQueued()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (entry, _) => Text(entry) == "first" ? release.Task : Task.CompletedTask;
        await using (var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.Concurrency = 1))
        {
            await ingress.AcceptAsync("first", null);
            await ingress.AcceptAsync("queued", null);
            await Poll.UntilAsync(() => _handler.Started.Count == 1);

            await ingress.StopAsync(Expired());
            release.SetResult();
            await StoppedAsync(ingress);

            Assert.Equal(["first"], _handler.Started.Select(Text));
            Assert.Equal(new IngressCounts(2, 0, 0), await ingress.CountAsync());
        }

        var restarted = new RecordingHandler();
        await using var again = await TestPipeline.StartAsync(_store, [restarted]);
        await Poll.UntilAsync(async () => (await again.CountAsync()).Completed == 2);
        Assert.Equal(["first", "queued"], restarted.Started.Select(Text));
    }

    [Fact]
    public async Task ReplayedEntryOfAKindWithNoHandler_IsParkedAfterMaxAttempts()
    {
        await _store.AppendAsync([TestPipeline.Message("orphan", null, kind: "retired"), TestPipeline.Message("fine", null)], CancellationToken.None);

        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.MaxAttempts = 2, new AutoAdvanceTimeProvider());

        await Poll.UntilAsync(async () => await ingress.CountAsync() == new IngressCounts(0, 1, 1));
        Assert.Equal(["fine"], _handler.Started.Select(Text));
        Assert.Equal(2, ingress.Metrics.Snapshot().Failures);
    }

    [Fact]
    public async Task InFlight_ReturnsToZero_OnceEverythingIsHandledOrParked()
    {
        var time = new AutoAdvanceTimeProvider();
        _handler.Behavior = (entry, _) => Text(entry) switch
        {
            "bad" => Task.FromException(new InvalidOperationException("always fails")),
            "flaky" when entry.Attempts == 0 => Task.FromException(new InvalidOperationException("fails once")),
            _ => Task.CompletedTask,
        };
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.MaxAttempts = 2, time);

        await Task.WhenAll(
            ingress.AcceptAsync("ok", "1"),
            ingress.AcceptAsync("ok", "1"),
            ingress.AcceptAsync("bad", "2"),
            ingress.AcceptAsync("flaky", "3"),
            ingress.AcceptAsync("ok", null),
            ingress.AcceptAsync("ok", null));

        await Poll.UntilAsync(async () => await ingress.CountAsync() == new IngressCounts(0, 4, 1));
        await Poll.UntilAsync(() => ingress.Metrics.Snapshot().InFlight == 0);
        Assert.Equal(new IngressSnapshot(Accepted: 5, Duplicates: 1, Handled: 4, Failures: 3, InFlight: 0), ingress.Metrics.Snapshot());
    }

    /// <summary>A stop deadline that has already passed.</summary>
    private static CancellationToken Expired() => new(canceled: true);

    /// <summary>Stops again without a deadline: that returns once the dispatcher and every handler still running have finished.</summary>
    private static Task StoppedAsync(TestPipeline ingress) => ingress.Pipeline.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>The backoffs the pipeline waited, without the prune timer's first due time (a minute).</summary>
    private static TimeSpan[] Backoffs(AutoAdvanceTimeProvider time) => [.. time.Delays.Where(d => d < TimeSpan.FromMinutes(1))];
}
