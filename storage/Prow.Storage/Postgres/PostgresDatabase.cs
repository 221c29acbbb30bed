using Npgsql;

namespace Prow.Storage.Postgres;

/// <summary>
/// A PostgreSQL database shared by every silo and gateway of one Prow: a pooled <see cref="NpgsqlDataSource"/> and the
/// project's versioned schema. Several processes may start at once; the migrations run under an advisory lock, so
/// exactly one applies each version.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    // An arbitrary constant: the advisory lock every Prow process takes while it migrates.
    private const long MigrationLock = 0x70726f77_6462;

    private PostgresDatabase(NpgsqlDataSource dataSource, string description)
    {
        DataSource = dataSource;
        Description = description;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Description { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>
    /// Connects with <paramref name="connectionString"/> (Npgsql's <c>Host=...;Username=...</c> form or a
    /// <c>postgres://user:password@host:port/database</c> URI) and, unless told not to, applies the migrations this
    /// build knows; throws <see cref="PostgresStorageException"/> naming the database when it cannot.
    /// </summary>
    public static async Task<PostgresDatabase> OpenAsync(string connectionString, bool migrate = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(connectionString));
        }
        catch (ArgumentException ex)
        {
            throw new PostgresStorageException($"the PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        var description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        var database = new PostgresDatabase(dataSource, description);
        try
        {
            database.SchemaVersion = migrate
                ? await database.MigrateAsync(cancellationToken)
                : await database.ReadSchemaVersionAsync(cancellationToken);
            return database;
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresStorageException or TimeoutException)
        {
            await dataSource.DisposeAsync();
            throw ex as PostgresStorageException ?? new PostgresStorageException($"cannot open storage {description}: {ex.Message}", ex);
        }
    }

    /// <summary>Applies every migration this build knows that the database lacks; returns the schema version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS prow_schema (component text PRIMARY KEY, version integer NOT NULL)", cancellationToken);
            var current = await CurrentVersionAsync(connection, cancellationToken);
            var migrations = PostgresMigrations.All;
            if (current > migrations.Count)
            {
                throw new PostgresStorageException($"{Description} has schema version {current}, newer than this build knows ({migrations.Count})");
            }

            for (var version = current + 1; version <= migrations.Count; version++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, migrations[version - 1], cancellationToken);
                await using var record = new NpgsqlCommand(
                    "INSERT INTO prow_schema (component, version) VALUES ('prow', @version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                    connection);
                record.Parameters.AddWithValue("version", version);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return migrations.Count;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('prow_schema') IS NOT NULL", connection);
        var version = (bool)(await exists.ExecuteScalarAsync(cancellationToken))! ? await CurrentVersionAsync(connection, cancellationToken) : 0;
        if (version != PostgresMigrations.All.Count)
        {
            throw new PostgresStorageException(
                $"{Description} has schema version {version}, this build needs {PostgresMigrations.All.Count}: run `prow db migrate` (or start a worker, which migrates)");
        }

        return version;
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT version FROM prow_schema WHERE component = 'prow'", connection);
        return await read.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
