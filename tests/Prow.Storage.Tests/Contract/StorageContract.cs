using Orleans.Storage;

namespace Prow.Storage.Tests.Contract;

/// <summary>
/// What grain code and Orleans' reminder service may rely on from any storage we run: our SQLite providers and
/// Orleans' memory providers pass the same tests. A provider's class says where its storage comes from.
/// </summary>
public abstract class StorageContract
{
    // Far in the future, so a silo's reminder service never tries to deliver the contract's reminders.
    private static readonly DateTime s_start = new DateTime(2100, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);

    protected abstract IGrainStorage Grains { get; }

    protected abstract IReminderTable Reminders { get; }

    /// <summary>A grain id no other test uses, with characters that need no escaping anywhere but might get it.</summary>
    protected static GrainId NewGrain(string type = "contract") => GrainId.Create(type, $"{Guid.NewGuid():N}/key with#odd@chars");

    [Fact]
    public async Task State_ReadMissing_NoRecordNoETagAndAFreshState()
    {
        var state = new GrainState<SampleState>(new SampleState { Name = "left over" });

        await Grains.ReadStateAsync("s", NewGrain(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State!.Name);
    }

    [Fact]
    public async Task State_WriteThenRead_RoundTripsEnumsListsMapsAndJson()
    {
        var grain = NewGrain();
        var written = new SampleState
        {
            Name = "job-1",
            Kind = SampleKind.Presubmit,
            Numbers = [3, 1, 2],
            Labels = new() { ["app"] = "prow", ["empty"] = "" },
            Spec = SampleState.Json("""{"containers":[{"image":"alpine","args":["echo","hi"]}],"n":1.5,"ok":true,"none":null}"""),
            Decoration = SampleState.Json("""{"timeout":"2h"}"""),
        };
        var state = new GrainState<SampleState>(written);
        await Grains.WriteStateAsync("s", grain, state);
        Assert.True(state.RecordExists);
        Assert.NotNull(state.ETag);

        var read = new GrainState<SampleState>(new SampleState());
        await Grains.ReadStateAsync("s", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("job-1", read.State!.Name);
        Assert.Equal(SampleKind.Presubmit, read.State!.Kind);
        Assert.Equal([3, 1, 2], read.State!.Numbers);
        Assert.Equal(written.Labels, read.State!.Labels);
        Assert.Equal(written.Spec.GetRawText(), read.State!.Spec.GetRawText());
        Assert.Equal("alpine", read.State!.Spec.GetProperty("containers")[0].GetProperty("image").GetString());
        Assert.Equal("2h", read.State!.Decoration!.Value.GetProperty("timeout").GetString());
    }

    [Fact]
    public async Task State_EveryWrite_ChangesTheETag()
    {
        var grain = NewGrain();
        var state = new GrainState<SampleState>(new SampleState { Name = "a" });
        await Grains.WriteStateAsync("s", grain, state);
        var first = state.ETag;

        await Grains.WriteStateAsync("s", grain, state);

        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task State_WriteWithStaleETag_ThrowsInconsistentState_AndKeepsTheNewerState()
    {
        var grain = NewGrain();
        var first = new GrainState<SampleState>(new SampleState { Name = "a" });
        await Grains.WriteStateAsync("s", grain, first);
        var second = new GrainState<SampleState>(new SampleState());
        await Grains.ReadStateAsync("s", grain, second);
        second.State = new SampleState { Name = "b" };
        await Grains.WriteStateAsync("s", grain, second);

        first.State = new SampleState { Name = "stale" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Grains.WriteStateAsync("s", grain, first));

        var read = new GrainState<SampleState>(new SampleState());
        await Grains.ReadStateAsync("s", grain, read);
        Assert.Equal("b", read.State!.Name);
        Assert.Equal(second.ETag, read.ETag);
    }

    [Fact]
    public async Task State_TwoFirstWriters_SecondConflicts()
    {
        var grain = NewGrain();
        await Grains.WriteStateAsync("s", grain, new GrainState<SampleState>(new SampleState { Name = "one" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Grains.WriteStateAsync("s", grain, new GrainState<SampleState>(new SampleState { Name = "two" })));
    }

    [Fact]
    public async Task State_Clear_RemovesRecord_StaleClearConflicts_AndAFirstWriteWorksAgain()
    {
        var grain = NewGrain();
        var state = new GrainState<SampleState>(new SampleState { Name = "a" });
        await Grains.WriteStateAsync("s", grain, state);
        var stale = new GrainState<SampleState>(new SampleState()) { ETag = state.ETag, RecordExists = true };
        await Grains.WriteStateAsync("s", grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Grains.ClearStateAsync("s", grain, stale));
        await Grains.ClearStateAsync("s", grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State!.Name);
        var read = new GrainState<SampleState>(new SampleState());
        await Grains.ReadStateAsync("s", grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Grains.WriteStateAsync("s", grain, stale));
        state.State = new SampleState { Name = "again" };
        await Grains.WriteStateAsync("s", grain, state);
        Assert.True(state.RecordExists);
        await Grains.ReadStateAsync("s", grain, read);
        Assert.Equal("again", read.State!.Name);
    }

    [Fact]
    public async Task State_NamesAndGrainsAreIsolated()
    {
        var grain = NewGrain();
        var other = NewGrain();
        var sameKeyOtherType = GrainId.Create("contract2", grain.Key.ToString());
        await Grains.WriteStateAsync("one", grain, new GrainState<SampleState>(new SampleState { Name = "1" }));
        await Grains.WriteStateAsync("one", other, new GrainState<SampleState>(new SampleState { Name = "2" }));

        var read = new GrainState<SampleState>(new SampleState());
        await Grains.ReadStateAsync("two", grain, read);
        Assert.False(read.RecordExists);
        await Grains.ReadStateAsync("one", sameKeyOtherType, read);
        Assert.False(read.RecordExists);
        await Grains.ReadStateAsync("one", grain, read);
        Assert.Equal("1", read.State!.Name);
        await Grains.ReadStateAsync("one", other, read);
        Assert.Equal("2", read.State!.Name);
    }

    [Fact]
    public async Task Reminders_UpsertThenReadRow_RoundTripsEveryField()
    {
        var grain = NewGrain();
        var etag = await Reminders.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(5)));

        var row = await Reminders.ReadRow(grain, "tick");

        Assert.NotNull(etag);
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("tick", row.ReminderName);
        Assert.Equal(s_start, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(etag, row.ETag);
        Assert.Null(await Reminders.ReadRow(grain, "tock"));
        Assert.Null(await Reminders.ReadRow(NewGrain(), "tick"));
    }

    [Fact]
    public async Task Reminders_ReadRowsOfAGrain_ReturnsItsRowsOnly()
    {
        var grain = NewGrain();
        await Reminders.UpsertRow(Entry(grain, "a", TimeSpan.FromMinutes(1)));
        await Reminders.UpsertRow(Entry(grain, "b", TimeSpan.FromMinutes(2)));
        await Reminders.UpsertRow(Entry(NewGrain(), "a", TimeSpan.FromMinutes(3)));

        var rows = await Reminders.ReadRows(grain);

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
        Assert.Empty((await Reminders.ReadRows(NewGrain())).Reminders);
    }

    [Fact]
    public async Task Reminders_UpsertAgain_ReplacesTheRowWhateverETagItCarries_AndIssuesANewETag()
    {
        var grain = NewGrain();
        var first = await Reminders.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));
        var second = await Reminders.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(2), etag: "not-an-etag-we-issued"));

        var row = await Reminders.ReadRow(grain, "r");

        Assert.NotEqual(first, second);
        Assert.Equal(second, row!.ETag);
        Assert.Equal(TimeSpan.FromMinutes(2), row.Period);
        Assert.Single((await Reminders.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Reminders_RemoveRow_OnlyWithTheCurrentETag()
    {
        var grain = NewGrain();
        var stale = await Reminders.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));
        var current = await Reminders.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));

        Assert.False(await Reminders.RemoveRow(grain, "r", stale!));
        Assert.False(await Reminders.RemoveRow(grain, "r", "not-an-etag-we-issued"));
        Assert.False(await Reminders.RemoveRow(grain, "other", current!));
        Assert.NotNull(await Reminders.ReadRow(grain, "r"));

        Assert.True(await Reminders.RemoveRow(grain, "r", current!));
        Assert.Null(await Reminders.ReadRow(grain, "r"));
        Assert.False(await Reminders.RemoveRow(grain, "r", current!));
    }

    [Fact]
    public async Task Reminders_ReadRowsByHashRange_BeginExclusiveEndInclusive_AndWrapsAround()
    {
        await Reminders.TestOnlyClearTable();
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains)
        {
            await Reminders.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Distinct().Order().ToArray();
        Assert.True(hashes.Length > 30, "forty random grains should have distinct hashes");

        // Not wrapping: (begin, end].
        await AssertRangeAsync(hashes[5], hashes[20], grains);
        var inner = await ReadRangeAsync(hashes[5], hashes[20]);
        Assert.DoesNotContain(hashes[5], inner);
        Assert.Contains(hashes[20], inner);
        Assert.Equal(15, inner.Count);

        // Wrapping past uint.MaxValue: hash > begin or hash <= end.
        await AssertRangeAsync(hashes[30], hashes[3], grains);
        var wrapped = await ReadRangeAsync(hashes[30], hashes[3]);
        Assert.Equal(hashes.Length - 31 + 4, wrapped.Count);
        Assert.Contains(hashes[0], wrapped);
        Assert.Contains(hashes[^1], wrapped);
        Assert.DoesNotContain(hashes[30], wrapped);

        // begin == end is the whole ring; so is (0, uint.MaxValue] plus hash 0.
        Assert.Equal(grains.Count, (await Reminders.ReadRows(hashes[10], hashes[10])).Reminders.Count);
        Assert.Equal(grains.Count, (await Reminders.ReadRows(0u, 0u)).Reminders.Count);
        await AssertRangeAsync(0, uint.MaxValue, grains);
        await AssertRangeAsync(uint.MaxValue, 0, grains);
        await AssertRangeAsync(hashes[7], hashes[7] + 1, grains);
    }

    [Fact]
    public async Task Reminders_TestOnlyClearTable_RemovesEveryRow()
    {
        await Reminders.UpsertRow(Entry(NewGrain(), "r", TimeSpan.FromMinutes(1)));

        await Reminders.TestOnlyClearTable();

        Assert.Empty((await Reminders.ReadRows(0u, 0u)).Reminders);
    }

    private async Task AssertRangeAsync(uint begin, uint end, IReadOnlyList<GrainId> grains)
    {
        var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).ToHashSet();
        var actual = (await Reminders.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).ToHashSet();
        Assert.True(expected.SetEquals(actual), $"range ({begin}, {end}]: expected {expected.Count} grains, read {actual.Count}");
    }

    private async Task<List<uint>> ReadRangeAsync(uint begin, uint end) =>
        [.. (await Reminders.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode())];

    // The ring's (begin, end], written out here independently of any provider.
    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period, string? etag = null) =>
        new() { GrainId = grain, ReminderName = name, StartAt = s_start, Period = period, ETag = etag };
}
