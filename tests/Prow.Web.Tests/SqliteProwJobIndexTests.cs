using Prow.Services.JobIndex;
using Prow.Storage.Sqlite;

namespace Prow.Web.Tests;

public sealed class SqliteProwJobIndexTests : JobIndexContract, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-index-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    protected override async Task<IProwJobIndex> CreateAsync()
    {
        var database = SqliteDatabase.Open(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
        _databases.Add(database);
        return await SqliteProwJobIndex.OpenAsync(database);
    }

    [Fact]
    public async Task Reopen_KeepsRows_AndDoesNotMigrateTwice()
    {
        var path = Path.Combine(_folder, "reopen.db");
        await using (var first = SqliteDatabase.Open(path))
        {
            await (await SqliteProwJobIndex.OpenAsync(first)).UpsertAsync(Job("kept", 1), CancellationToken.None);
        }

        var second = SqliteDatabase.Open(path);
        _databases.Add(second);
        var index = await SqliteProwJobIndex.OpenAsync(second);

        Assert.Equal("kept", Assert.Single((await index.QueryAsync(new ProwJobQuery(), CancellationToken.None)).Jobs).Id);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
