using System.Text;
using Prow.TestKit.Time;

namespace Prow.Ingress.Tests;

/// <summary>
/// What every <see cref="IIngressStore"/> must do. A store's test class says how to open one; opening again over
/// the same backing data is a restart, for the stores that outlive their process.
/// </summary>
public abstract class IngressStoreContract : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CancellationToken s_none = CancellationToken.None;

    protected AutoAdvanceTimeProvider Time { get; } = new(Start);

    /// <summary>Opens the store over the same backing data each time (a restart of the process using it).</summary>
    protected abstract Task<OpenedStore> OpenAsync();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task Append_Batch_ResultsInOrder_WithIncreasingIds()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;

        var results = await store.AppendAsync([Message("a", "d-a"), Message("b", null), Message("c", "d-c")], s_none);
        var more = await store.AppendAsync([Message("d", null)], s_none);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.True(results[0].Id < results[1].Id && results[1].Id < results[2].Id && results[2].Id < more[0].Id);
        var pending = await store.ReadPendingAsync(0, 10, s_none);
        Assert.Equal([.. results.Select(r => r.Id), more[0].Id], pending.Select(e => e.Id));
        Assert.Equal(["a", "b", "c", "d"], pending.Select(Text));
    }

    [Fact]
    public async Task Append_StoresEveryField()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        byte[] payload = [0, 1, 2, 0xff, 0x80, 0];

        var id = (await store.AppendAsync([new IngressMessage("webhook", "delivery-1", payload)], s_none))[0].Id;

        var entry = Assert.Single(await store.ReadPendingAsync(0, 10, s_none));
        Assert.Equal(id, entry.Id);
        Assert.Equal("webhook", entry.Kind);
        Assert.Equal("delivery-1", entry.DedupeKey);
        Assert.Equal(payload, entry.Payload.ToArray());
        Assert.Equal(Start, entry.AcceptedAt);
        Assert.Equal(TimeSpan.Zero, entry.AcceptedAt.Offset);
        Assert.Equal(0, entry.Attempts);
    }

    [Fact]
    public async Task Append_EmptyPayload_RoundTrips()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;

        await store.AppendAsync([new IngressMessage("kind", null, ReadOnlyMemory<byte>.Empty)], s_none);

        Assert.Equal(0, Assert.Single(await store.ReadPendingAsync(0, 10, s_none)).Payload.Length);
    }

    [Fact]
    public async Task Append_KeepsItsOwnCopyOfThePayload()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var payload = Encoding.UTF8.GetBytes("original");

        await store.AppendAsync([new IngressMessage("kind", null, payload)], s_none);
        payload.AsSpan().Fill((byte)'x');

        Assert.Equal("original", Text(Assert.Single(await store.ReadPendingAsync(0, 10, s_none))));
    }

    [Fact]
    public async Task Append_DuplicateDedupeKey_ReportsTheFirstId_AndIsNotStored()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;

        var first = await store.AppendAsync([Message("a", "d1"), Message("b", "d2")], s_none);
        var again = await store.AppendAsync([Message("c", "d2"), Message("d", "d3"), Message("e", "d1")], s_none);

        Assert.Equal([false, false], first.Select(r => r.Duplicate));
        Assert.Equal([true, false, true], again.Select(r => r.Duplicate));
        Assert.Equal(first[1].Id, again[0].Id);
        Assert.Equal(first[0].Id, again[2].Id);
        Assert.Equal(["a", "b", "d"], (await store.ReadPendingAsync(0, 10, s_none)).Select(Text));
        Assert.Equal(new IngressCounts(3, 0, 0), await store.CountAsync(s_none));
    }

    [Fact]
    public async Task Append_DuplicateDedupeKeyWithinOneBatch_IsStoredOnce()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;

        var results = await store.AppendAsync([Message("a", "d1"), Message("b", null), Message("c", "d1"), Message("d", null)], s_none);

        Assert.Equal([false, false, true, false], results.Select(r => r.Duplicate));
        Assert.Equal(results[0].Id, results[2].Id);
        Assert.Equal(["a", "b", "d"], (await store.ReadPendingAsync(0, 10, s_none)).Select(Text));
    }

    [Fact]
    public async Task Append_DuplicateOfCompletedOrParkedEntry_IsStillADuplicate()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([Message("done", "d1"), Message("parked", "d2")], s_none)).Select(r => r.Id).ToArray();
        await store.CompleteAsync([ids[0]], s_none);
        await store.RecordFailureAsync(ids[1], "boom", final: true, s_none);

        var again = await store.AppendAsync([Message("done", "d1"), Message("parked", "d2")], s_none);

        Assert.Equal([new IngressAppendResult(ids[0], true), new IngressAppendResult(ids[1], true)], again);
        Assert.Equal(new IngressCounts(0, 1, 1), await store.CountAsync(s_none));
    }

    [Fact]
    public async Task Append_NullDedupeKey_IsNeverDeduplicated()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;

        var first = await store.AppendAsync([Message("same", null), Message("same", null)], s_none);
        var second = await store.AppendAsync([Message("same", null)], s_none);

        Assert.All(first.Concat(second), r => Assert.False(r.Duplicate));
        Assert.Equal(3, first.Concat(second).Select(r => r.Id).Distinct().Count());
        var pending = await store.ReadPendingAsync(0, 10, s_none);
        Assert.Equal(3, pending.Count);
        Assert.All(pending, e => Assert.Null(e.DedupeKey));
    }

    [Fact]
    public async Task ReadPending_PagesAfterAnId_OldestFirst()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([.. Enumerable.Range(0, 7).Select(i => Message($"m{i}", $"k{i}"))], s_none)).Select(r => r.Id).ToArray();

        var pages = new List<IReadOnlyList<IngressEntry>>();
        long after = 0;
        while (true)
        {
            var page = await store.ReadPendingAsync(after, 3, s_none);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            after = page[^1].Id;
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(ids, pages.SelectMany(p => p).Select(e => e.Id));
        Assert.Equal(["m3", "m4", "m5", "m6"], (await store.ReadPendingAsync(ids[2], 10, s_none)).Select(Text));
        Assert.Empty(await store.ReadPendingAsync(ids[^1], 10, s_none));
    }

    [Fact]
    public async Task ReadPending_SkipsCompletedAndParkedEntries()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([Message("a", null), Message("b", null), Message("c", null), Message("d", null)], s_none)).Select(r => r.Id).ToArray();

        await store.CompleteAsync([ids[0], ids[2]], s_none);
        await store.RecordFailureAsync(ids[3], "boom", final: true, s_none);

        Assert.Equal(["b"], (await store.ReadPendingAsync(0, 10, s_none)).Select(Text));
        Assert.Equal(["b"], (await store.ReadPendingAsync(0, 1, s_none)).Select(Text));
    }

    [Fact]
    public async Task Complete_MarksEntriesCompleted_AndIgnoresUnknownIds()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([Message("a", "d1"), Message("b", "d2"), Message("c", "d3")], s_none)).Select(r => r.Id).ToArray();

        await store.CompleteAsync([ids[0], ids[2], 987_654], s_none);
        await store.CompleteAsync([ids[0]], s_none);
        await store.CompleteAsync([], s_none);

        Assert.Equal(new IngressCounts(1, 2, 0), await store.CountAsync(s_none));
        Assert.Equal([ids[1]], (await store.ReadPendingAsync(0, 10, s_none)).Select(e => e.Id));
    }

    [Fact]
    public async Task RecordFailure_NotFinal_CountsTheAttempt_AndKeepsTheEntryPending()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var id = (await store.AppendAsync([Message("f", "f1")], s_none))[0].Id;

        await store.RecordFailureAsync(id, "boom", final: false, s_none);
        Assert.Equal(1, Assert.Single(await store.ReadPendingAsync(0, 10, s_none)).Attempts);
        await store.RecordFailureAsync(id, "boom again", final: false, s_none);

        var entry = Assert.Single(await store.ReadPendingAsync(0, 10, s_none));
        Assert.Equal(2, entry.Attempts);
        Assert.Equal("f", Text(entry));
        Assert.Equal(new IngressCounts(1, 0, 0), await store.CountAsync(s_none));
    }

    [Fact]
    public async Task RecordFailure_Final_ParksTheEntry()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([Message("f", "f1"), Message("ok", "f2")], s_none)).Select(r => r.Id).ToArray();

        await store.RecordFailureAsync(ids[0], "boom", final: false, s_none);
        await store.RecordFailureAsync(ids[0], "boom", final: true, s_none);

        Assert.Equal(["ok"], (await store.ReadPendingAsync(0, 10, s_none)).Select(Text));
        Assert.Equal(new IngressCounts(1, 0, 1), await store.CountAsync(s_none));
    }

    [Fact]
    public async Task PruneCompleted_ForgetsCompletedEntriesOlderThanTheCutoff_AndTheirDedupeKeys()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var old = (await store.AppendAsync([Message("old", "p1"), Message("old-open", "p2"), Message("old-parked", "p3")], s_none)).Select(r => r.Id).ToArray();
        Time.Advance(TimeSpan.FromHours(2));
        var recent = (await store.AppendAsync([Message("recent", "p4")], s_none))[0].Id;
        await store.CompleteAsync([old[0], recent], s_none);
        await store.RecordFailureAsync(old[2], "boom", final: true, s_none);

        Assert.Equal(0, await store.PruneCompletedAsync(Start, s_none));
        Assert.Equal(1, await store.PruneCompletedAsync(Start.AddHours(1), s_none));
        Assert.Equal(0, await store.PruneCompletedAsync(Start.AddHours(1), s_none));

        Assert.Equal(new IngressCounts(1, 1, 1), await store.CountAsync(s_none));
        var again = await store.AppendAsync([Message("old", "p1"), Message("old-open", "p2"), Message("old-parked", "p3"), Message("recent", "p4")], s_none);
        Assert.Equal([false, true, true, true], again.Select(r => r.Duplicate));
        Assert.True(again[0].Id > recent, "a pruned id is never given out again");
        Assert.Equal([old[1], again[0].Id], (await store.ReadPendingAsync(0, 10, s_none)).Select(e => e.Id));
    }

    [Fact]
    public async Task Count_EmptyStore_IsAllZero()
    {
        await using var opened = await OpenAsync();

        Assert.Equal(new IngressCounts(0, 0, 0), await opened.Store.CountAsync(s_none));
    }

    [Fact]
    public async Task Count_CountsEachStatus()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([.. Enumerable.Range(0, 6).Select(i => Message($"m{i}", null))], s_none)).Select(r => r.Id).ToArray();

        await store.CompleteAsync([ids[0], ids[1], ids[2]], s_none);
        await store.RecordFailureAsync(ids[3], "boom", final: true, s_none);
        await store.RecordFailureAsync(ids[4], "boom", final: false, s_none);

        Assert.Equal(new IngressCounts(2, 3, 1), await store.CountAsync(s_none));
    }

    [Fact]
    public async Task FindDedupeKeys_NamesStoredKeysWhateverTheirStatus_UntilPruned()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        var ids = (await store.AppendAsync([Message("a", "pending"), Message("b", "done"), Message("c", "parked"), Message("d", null)], s_none)).Select(r => r.Id).ToArray();
        await store.CompleteAsync([ids[1]], s_none);
        await store.RecordFailureAsync(ids[2], "boom", final: true, s_none);

        Assert.Equal(["done", "parked", "pending"], (await store.FindDedupeKeysAsync(["pending", "done", "parked", "never"], s_none)).Order(StringComparer.Ordinal));
        Assert.Empty(await store.FindDedupeKeysAsync([], s_none));

        Time.Advance(TimeSpan.FromDays(1));
        await store.PruneCompletedAsync(Time.GetUtcNow(), s_none);
        Assert.Equal(["parked", "pending"], (await store.FindDedupeKeysAsync(["pending", "done", "parked"], s_none)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LatestAccepted_IsTheNewestOfItsKind_NullWhenNone()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;
        Assert.Null(await store.LatestAcceptedAsync("webhook", s_none));

        await store.AppendAsync([new IngressMessage("webhook", "w1", new byte[] { 1 })], s_none);
        Time.Advance(TimeSpan.FromMinutes(5));
        var second = Time.GetUtcNow();
        await store.AppendAsync([new IngressMessage("webhook", "w2", new byte[] { 2 })], s_none);
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync([new IngressMessage("other", "o1", new byte[] { 3 })], s_none);

        Assert.Equal(second, await store.LatestAcceptedAsync("webhook", s_none));
        Assert.Null(await store.LatestAcceptedAsync("nothing", s_none));
    }

    [Fact]
    public async Task ConcurrentAppends_EachGetADistinctId()
    {
        await using var opened = await OpenAsync();
        var store = opened.Store;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.AppendAsync([Message($"m{i}", $"k{i % 25}")], s_none))));

        var all = results.Select(r => Assert.Single(r)).ToArray();
        Assert.Equal(25, all.Count(r => !r.Duplicate));
        Assert.Equal(25, all.Where(r => !r.Duplicate).Select(r => r.Id).Distinct().Count());
        Assert.Equal(25, (await store.ReadPendingAsync(0, 100, s_none)).Count);
    }

    protected static IngressMessage Message(string payload, string? dedupeKey) => new("kind", dedupeKey, Encoding.UTF8.GetBytes(payload));

    protected static string Text(IngressEntry entry) => Encoding.UTF8.GetString(entry.Payload.Span);

    /// <summary>A store and what closes it (nothing for one that lives in memory).</summary>
    protected sealed class OpenedStore(IIngressStore store, Func<ValueTask>? close = null) : IAsyncDisposable
    {
        public IIngressStore Store { get; } = store;

        public ValueTask DisposeAsync() => close?.Invoke() ?? ValueTask.CompletedTask;
    }
}
