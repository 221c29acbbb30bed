using Prow.Storage.Sqlite;

namespace Prow.Ingress.Tests;

public sealed class SqliteIngressStoreTests : IngressStoreContract
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => _folder.File("prow.db");

    protected override Task<OpenedStore> OpenAsync()
    {
        var database = SqliteDatabase.Open(DatabasePath);
        return Task.FromResult(new OpenedStore(new SqliteIngressStore(database, Time), database.DisposeAsync));
    }

    public override void Dispose()
    {
        _folder.Dispose();
        base.Dispose();
    }

    [Fact]
    public async Task Entries_SurviveClosingAndReopeningTheFile()
    {
        long[] ids;
        await using (var opened = await OpenAsync())
        {
            var store = opened.Store;
            ids = [.. (await store.AppendAsync([Message("done", "x1"), Message("pending", "x2"), Message("retried", "x3"), Message("parked", "x4"), Message("no-key", null)], CancellationToken.None)).Select(r => r.Id)];
            await store.CompleteAsync([ids[0]], CancellationToken.None);
            await store.RecordFailureAsync(ids[2], "boom", final: false, CancellationToken.None);
            await store.RecordFailureAsync(ids[3], "boom", final: true, CancellationToken.None);
        }

        await using var reopened = await OpenAsync();
        var reopenedStore = reopened.Store;
        var pending = await reopenedStore.ReadPendingAsync(0, 10, CancellationToken.None);

        Assert.Equal(["pending", "retried", "no-key"], pending.Select(Text));
        Assert.Equal([ids[1], ids[2], ids[4]], pending.Select(e => e.Id));
        Assert.Equal([0, 1, 0], pending.Select(e => e.Attempts));
        Assert.Equal(Start, pending[0].AcceptedAt);
        Assert.Equal(new IngressCounts(3, 1, 1), await reopenedStore.CountAsync(CancellationToken.None));
        var again = await reopenedStore.AppendAsync([Message("done", "x1"), Message("parked", "x4"), Message("new", null)], CancellationToken.None);
        Assert.Equal([true, true, false], again.Select(r => r.Duplicate));
        Assert.Equal([ids[0], ids[3]], again.Take(2).Select(r => r.Id));
        Assert.True(again[2].Id > ids[^1]);
    }

    [Fact]
    public async Task Open_CreatesTheFolderAndTheFile()
    {
        var path = _folder.File(Path.Combine("nested", "deeper", "prow.db"));
        await using (var database = SqliteDatabase.Open(path))
        {
            var store = new SqliteIngressStore(database, Time);
            Assert.Equal(new IngressCounts(0, 0, 0), await store.CountAsync(CancellationToken.None));
        }

        Assert.True(File.Exists(path));
    }
}
