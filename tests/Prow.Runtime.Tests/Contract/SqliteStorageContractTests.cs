using Prow.Runtime.Sqlite;

namespace Prow.Runtime.Tests.Contract;

public sealed class SqliteStorageContractTests : StorageProviderContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-sqlite-contract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    protected override Task<ProviderUnderTest> OpenAsync()
    {
        var database = SqliteDatabase.Open(Path.Combine(_folder, "prow.db"));
        return Task.FromResult(new ProviderUnderTest(
            new SqliteGrainStorage(database, TimeProvider.System),
            new SqliteReminderTable(database),
            new SqliteIngressStore(database, TimeProvider.System),
            new SqliteGrainStateInspector(database),
            database.DisposeAsync));
    }
}
