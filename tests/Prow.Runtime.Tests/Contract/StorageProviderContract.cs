using System.Text;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Prow.Runtime.Ingress;
using Prow.Runtime.Inspection;

namespace Prow.Runtime.Tests.Contract;

/// <summary>The behaviour every storage provider must have. A provider's test class says how to open it; "reopen" is a restart.</summary>
public abstract class StorageProviderContract
{
    private static readonly GrainId s_grain = new("contract", "key/with#odd@chars");

    /// <summary>Opens the provider over the same backing data each time (a restart of the process using it).</summary>
    protected abstract Task<ProviderUnderTest> OpenAsync();

    [Fact]
    public async Task State_ReadMissing_NoRecordAndNoETag()
    {
        await using var p = await OpenAsync();
        var state = new GrainState<SampleState>(new SampleState());

        await p.Grains.ReadStateAsync("s", s_grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task State_WriteThenRead_RoundTripsAndSurvivesReopen()
    {
        await using (var p = await OpenAsync())
        {
            var state = new GrainState<SampleState>(new SampleState { Name = "x", Numbers = [1, 2, 3] });
            await p.Grains.WriteStateAsync("s", s_grain, state);
            Assert.True(state.RecordExists);
            Assert.NotNull(state.ETag);
        }

        await using var reopened = await OpenAsync();
        var read = new GrainState<SampleState>(new SampleState());
        await reopened.Grains.ReadStateAsync("s", s_grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal("x", read.State.Name);
        Assert.Equal([1, 2, 3], read.State.Numbers);
    }

    [Fact]
    public async Task State_WriteWithStaleETag_ThrowsInconsistentState()
    {
        await using var p = await OpenAsync();
        var first = new GrainState<SampleState>(new SampleState { Name = "a" });
        await p.Grains.WriteStateAsync("s", s_grain, first);
        var second = new GrainState<SampleState>(new SampleState());
        await p.Grains.ReadStateAsync("s", s_grain, second);
        second.State = new SampleState { Name = "b" };
        await p.Grains.WriteStateAsync("s", s_grain, second);

        first.State = new SampleState { Name = "stale" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => p.Grains.WriteStateAsync("s", s_grain, first));

        var read = new GrainState<SampleState>(new SampleState());
        await p.Grains.ReadStateAsync("s", s_grain, read);
        Assert.Equal("b", read.State.Name);
    }

    [Fact]
    public async Task State_TwoFirstWriters_SecondConflicts()
    {
        await using var p = await OpenAsync();
        await p.Grains.WriteStateAsync("s", s_grain, new GrainState<SampleState>(new SampleState { Name = "one" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => p.Grains.WriteStateAsync("s", s_grain, new GrainState<SampleState>(new SampleState { Name = "two" })));
    }

    [Fact]
    public async Task State_Clear_RemovesRecord_AndStaleClearConflicts()
    {
        await using var p = await OpenAsync();
        var state = new GrainState<SampleState>(new SampleState { Name = "a" });
        await p.Grains.WriteStateAsync("s", s_grain, state);
        var stale = new GrainState<SampleState>(new SampleState()) { ETag = state.ETag, RecordExists = true };
        await p.Grains.WriteStateAsync("s", s_grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => p.Grains.ClearStateAsync("s", s_grain, stale));
        await p.Grains.ClearStateAsync("s", s_grain, state);

        Assert.False(state.RecordExists);
        var read = new GrainState<SampleState>(new SampleState());
        await p.Grains.ReadStateAsync("s", s_grain, read);
        Assert.False(read.RecordExists);
        await p.Grains.WriteStateAsync("s", s_grain, state);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task State_NamesAndGrainsAreIsolated()
    {
        await using var p = await OpenAsync();
        await p.Grains.WriteStateAsync("one", s_grain, new GrainState<SampleState>(new SampleState { Name = "1" }));
        await p.Grains.WriteStateAsync("one", new GrainId("contract", "other"), new GrainState<SampleState>(new SampleState { Name = "2" }));

        var read = new GrainState<SampleState>(new SampleState());
        await p.Grains.ReadStateAsync("two", s_grain, read);
        Assert.False(read.RecordExists);
        await p.Grains.ReadStateAsync("one", s_grain, read);
        Assert.Equal("1", read.State.Name);
    }

    [Fact]
    public async Task Reminders_UpsertReadRemove_AndSurviveReopen()
    {
        var start = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        string etag;
        await using (var p = await OpenAsync())
        {
            etag = await p.Reminders.UpsertRowAsync(new ReminderEntry(s_grain, "tick", start, TimeSpan.FromMinutes(5), null, null), CancellationToken.None);
            await p.Reminders.UpsertRowAsync(new ReminderEntry(new GrainId("contract", "other"), "tick", start, TimeSpan.FromMinutes(1), null, null), CancellationToken.None);
        }

        await using var reopened = await OpenAsync();
        var row = await reopened.Reminders.ReadRowAsync(s_grain, "tick", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal(start, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Null(row.LastTickAt);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(2, (await reopened.Reminders.ReadAllAsync(CancellationToken.None)).Count);
        Assert.Single(await reopened.Reminders.ReadRowsAsync(s_grain, CancellationToken.None));

        Assert.False(await reopened.Reminders.RemoveRowAsync(s_grain, "tick", "not-the-etag", CancellationToken.None));
        Assert.True(await reopened.Reminders.RemoveRowAsync(s_grain, "tick", etag, CancellationToken.None));
        Assert.Null(await reopened.Reminders.ReadRowAsync(s_grain, "tick", CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_ConditionalUpsert_WithStaleETag_Conflicts()
    {
        await using var p = await OpenAsync();
        var start = DateTimeOffset.UnixEpoch;
        var first = await p.Reminders.UpsertRowAsync(new ReminderEntry(s_grain, "r", start, TimeSpan.FromMinutes(1), null, null), CancellationToken.None);
        var second = await p.Reminders.UpsertRowAsync(new ReminderEntry(s_grain, "r", start, TimeSpan.FromMinutes(1), start, first), CancellationToken.None);

        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<InconsistentStateException>(() => p.Reminders.UpsertRowAsync(new ReminderEntry(s_grain, "r", start, TimeSpan.FromMinutes(1), start, first), CancellationToken.None));
        Assert.Equal(start, (await p.Reminders.ReadRowAsync(s_grain, "r", CancellationToken.None))!.LastTickAt);
    }

    [Fact]
    public async Task Ingress_AppendDedupesAndReadsPendingInOrder()
    {
        await using var p = await OpenAsync();
        var results = await p.Ingress.AppendAsync([Message("a", "d1"), Message("b", null), Message("c", "d1"), Message("d", null)], CancellationToken.None);

        Assert.Equal([false, false, true, false], results.Select(r => r.Duplicate));
        Assert.Equal(results[0].Id, results[2].Id);
        var pending = await p.Ingress.ReadPendingAsync(0, 10, CancellationToken.None);
        Assert.Equal(["a", "b", "d"], pending.Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
        Assert.Equal("d1", pending[0].DedupeKey);
        Assert.Equal("kind", pending[0].Kind);
        Assert.Equal(["b", "d"], (await p.Ingress.ReadPendingAsync(pending[0].Id, 10, CancellationToken.None)).Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
        Assert.Single(await p.Ingress.ReadPendingAsync(0, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Ingress_UncompletedEntries_ReplayAfterReopen_CompletedOnesDoNot()
    {
        await using (var p = await OpenAsync())
        {
            var results = await p.Ingress.AppendAsync([Message("done", "x1"), Message("pending", "x2")], CancellationToken.None);
            await p.Ingress.CompleteAsync([results[0].Id], CancellationToken.None);
        }

        await using var reopened = await OpenAsync();
        var pending = await reopened.Ingress.ReadPendingAsync(0, 10, CancellationToken.None);

        Assert.Equal(["pending"], pending.Select(e => Encoding.UTF8.GetString(e.Payload.Span)));
        Assert.True((await reopened.Ingress.AppendAsync([Message("done-again", "x1")], CancellationToken.None))[0].Duplicate);
        Assert.Equal(new IngressCounts(1, 1, 0), await reopened.Ingress.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ingress_FailuresCountAttempts_AndFinalFailureParksEntry()
    {
        await using var p = await OpenAsync();
        var id = (await p.Ingress.AppendAsync([Message("f", "f1")], CancellationToken.None))[0].Id;

        await p.Ingress.RecordFailureAsync(id, "boom", final: false, CancellationToken.None);
        Assert.Equal(1, Assert.Single(await p.Ingress.ReadPendingAsync(0, 10, CancellationToken.None)).Attempts);
        await p.Ingress.RecordFailureAsync(id, "boom", final: true, CancellationToken.None);

        Assert.Empty(await p.Ingress.ReadPendingAsync(0, 10, CancellationToken.None));
        Assert.Equal(new IngressCounts(0, 0, 1), await p.Ingress.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ingress_Prune_ForgetsOldCompletedEntriesAndTheirDedupeKeys()
    {
        await using var p = await OpenAsync();
        var results = await p.Ingress.AppendAsync([Message("old", "p1"), Message("open", "p2")], CancellationToken.None);
        await p.Ingress.CompleteAsync([results[0].Id], CancellationToken.None);

        Assert.Equal(0, await p.Ingress.PruneCompletedAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        Assert.Equal(1, await p.Ingress.PruneCompletedAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None));

        Assert.False((await p.Ingress.AppendAsync([Message("old", "p1")], CancellationToken.None))[0].Duplicate);
        Assert.True((await p.Ingress.AppendAsync([Message("open", "p2")], CancellationToken.None))[0].Duplicate);
    }

    [Fact]
    public async Task Inspector_ListsKeysAndReadsStatesAsJson()
    {
        await using var p = await OpenAsync();
        await p.Grains.WriteStateAsync("s", new GrainId("inspect", "b"), new GrainState<SampleState>(new SampleState { Name = "bee" }));
        await p.Grains.WriteStateAsync("s", new GrainId("inspect", "a"), new GrainState<SampleState>(new SampleState { Name = "ay" }));
        await p.Grains.WriteStateAsync("t", new GrainId("inspect", "a"), new GrainState<SampleState>(new SampleState { Name = "tee" }));
        await p.Grains.WriteStateAsync("s", new GrainId("other", "c"), new GrainState<SampleState>(new SampleState()));

        Assert.Equal(["a", "b"], await p.Inspector.ListKeysAsync("inspect", null, 10, CancellationToken.None));
        Assert.Equal(["b"], await p.Inspector.ListKeysAsync("inspect", "a", 10, CancellationToken.None));
        var states = await p.Inspector.ReadStatesAsync(new GrainId("inspect", "a"), CancellationToken.None);
        Assert.Equal(["s", "t"], states.Select(s => s.StateName));
        Assert.Contains("\"ay\"", states[0].Json, StringComparison.Ordinal);
        Assert.Equal("1", states[0].ETag);
    }

    private static IngressMessage Message(string payload, string? dedupe) => new("kind", dedupe, Encoding.UTF8.GetBytes(payload));

    public sealed record SampleState
    {
        public string Name { get; init; } = "";

        public List<int> Numbers { get; init; } = [];
    }
}

public sealed class ProviderUnderTest(IGrainStorage grains, IReminderTable reminders, IIngressStore ingress, IGrainStateInspector inspector, Func<ValueTask>? close = null) : IAsyncDisposable
{
    public IGrainStateInspector Inspector { get; } = inspector;

    public IGrainStorage Grains { get; } = grains;

    public IReminderTable Reminders { get; } = reminders;

    public IIngressStore Ingress { get; } = ingress;

    public ValueTask DisposeAsync() => close?.Invoke() ?? ValueTask.CompletedTask;
}
