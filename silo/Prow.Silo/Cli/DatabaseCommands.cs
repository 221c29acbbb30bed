using Prow.Silo.Hosting;
using Prow.Storage.Postgres;

namespace Prow.Silo.Cli;

/// <summary><c>prow db migrate</c>: the schema applied ahead of a rollout, by a Job or by hand.</summary>
internal static class DatabaseCommands
{
    public static async Task<int> MigrateAsync(string? connectionFile, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            var connection = PostgresSetup.ReadConnectionString(connectionFile);
            await using var database = await PostgresDatabase.OpenAsync(connection, migrate: true, cancellationToken);
            await stdout.WriteLineAsync($"prow: {database.Description} is at schema version {database.SchemaVersion}");
            return 0;
        }
        catch (Exception ex) when (ex is StartupException or PostgresStorageException)
        {
            await stderr.WriteLineAsync($"prow: {ex.Message}");
            return 1;
        }
    }
}
