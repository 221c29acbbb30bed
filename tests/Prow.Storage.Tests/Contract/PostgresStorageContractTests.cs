using Orleans.Storage;
using Prow.Storage.Postgres;
using Prow.Storage.Serialization;
using Prow.TestKit.Postgres;

namespace Prow.Storage.Tests.Contract;

/// <summary>The contract on a real PostgreSQL (a throwaway cluster this test process starts), a database per test.</summary>
public sealed class PostgresStorageContractTests : StorageContract, IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    protected override IGrainStorage Grains => new PostgresGrainStorage(_database, JsonGrainStateSerializer.Instance, TestSupport.Activators, TimeProvider.System);

    protected override IReminderTable Reminders => new PostgresReminderTable(_database);

    public async Task InitializeAsync() => _database = await PostgresDatabase.OpenAsync(PostgresServer.Shared.CreateDatabase("contract"));

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
