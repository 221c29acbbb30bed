using Prow.Services.JobIndex;
using Prow.Storage.Postgres;
using Prow.TestKit.Postgres;

namespace Prow.Web.Tests;

/// <summary>The job index contract on a real PostgreSQL, a database per index.</summary>
public sealed class PostgresProwJobIndexTests : JobIndexContract, IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IProwJobIndex> CreateAsync()
    {
        var database = await PostgresDatabase.OpenAsync(PostgresServer.Shared.CreateDatabase("index"));
        _databases.Add(database);
        return new PostgresProwJobIndex(database);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
