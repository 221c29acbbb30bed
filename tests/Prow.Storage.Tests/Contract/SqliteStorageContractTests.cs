using Orleans.Storage;
using Prow.Storage.Serialization;
using Prow.Storage.Sqlite;

namespace Prow.Storage.Tests.Contract;

public sealed class SqliteStorageContractTests : StorageContract, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SqliteDatabase _database = null!;

    protected override IGrainStorage Grains => new SqliteGrainStorage(_database, JsonGrainStateSerializer.Instance, TestSupport.Activators, TimeProvider.System);

    protected override IReminderTable Reminders => new SqliteReminderTable(_database);

    public Task InitializeAsync()
    {
        _database = SqliteDatabase.Open(_folder.File("prow.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }
}
