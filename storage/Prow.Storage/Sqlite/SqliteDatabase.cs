using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Prow.Storage.Sqlite;

/// <summary>
/// One SQLite file in WAL mode. Every write goes through a single writer that runs everything waiting in one
/// transaction (group commit: one fsync for many writes), each write under its own savepoint so one failing write
/// does not take its neighbours down. Reads use pooled connections and never block the writer.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxBatch = 1024;

    private readonly string _connectionString;
    private readonly SqliteConnection _connection;
    private readonly Channel<SqliteWriteOperation> _writes = Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SqliteDatabase(string path, SqliteConnection writer, string connectionString)
    {
        Path = path;
        _connection = writer;
        _connectionString = connectionString;

        // Commits fsync; that waiting happens on this thread, never on the thread pool that runs grain turns.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "sqlite-writer" };
        _writer.Start();
    }

    public string Path { get; }

    public int SchemaVersion { get; private set; }

    public long WriteBatches { get; private set; }

    public long Writes { get; private set; }

    /// <summary>Opens (creating if needed) and migrates the database, or throws <see cref="SqliteStorageException"/> naming the file.</summary>
    public static SqliteDatabase Open(string path, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        var fullPath = System.IO.Path.GetFullPath(path);
        SqliteConnection? writer = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
            writer = new SqliteConnection(connectionString);
            writer.Open();
            Execute(writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout=5000;");
            var version = Migrate(writer);
            return new SqliteDatabase(fullPath, writer, connectionString) { SchemaVersion = version };
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or SqliteStorageException)
        {
            writer?.Dispose();
            throw new SqliteStorageException($"cannot open storage sqlite:{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="write"/> on the single writer, in the shared transaction under its own savepoint.</summary>
    public Task<TResult> WriteAsync<TResult>(Func<SqliteConnection, TResult> write)
    {
        var operation = new SqliteWriteOperation<TResult>(write);
        if (!_writes.Writer.TryWrite(operation))
        {
            operation.Fail(new ObjectDisposedException(nameof(SqliteDatabase), "The database is closed."));
        }

        return operation.Task;
    }

    /// <summary>Runs <paramref name="read"/> on a pooled connection of its own; it never waits for the writer.</summary>
    public Task<TResult> ReadAsync<TResult>(Func<SqliteConnection, TResult> read)
    {
        // Microsoft.Data.Sqlite's async methods run synchronously anyway; a pooled open is cheap.
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return Task.FromResult(read(connection));
    }

    /// <summary>
    /// Applies a component's own ordered migrations (append, never edit), tracked by component name apart from the
    /// schema of grain state, reminders and the inbox, so another component (the job index) keeps its tables in the same file.
    /// </summary>
    public Task ApplyMigrationsAsync(string component, IReadOnlyList<string> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(migrations);
        return WriteAsync(connection =>
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS component_schema (component TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
            using var read = connection.Command("SELECT version FROM component_schema WHERE component = $component", ("$component", component));
            var current = Convert.ToInt32(read.ExecuteScalar() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
            if (current > migrations.Count)
            {
                throw new SqliteStorageException($"{component} has schema version {current} in {Path}, newer than this build knows ({migrations.Count})");
            }

            for (var version = current + 1; version <= migrations.Count; version++)
            {
                Execute(connection, migrations[version - 1]);
            }

            using var write = connection.Command(
                "INSERT INTO component_schema (component, version) VALUES ($component, $version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                ("$component", component), ("$version", migrations.Count));
            write.ExecuteNonQuery();
            return migrations.Count;
        });
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writerDone.Task;
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int Migrate(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (current > SqliteMigrations.All.Count)
        {
            throw new SqliteStorageException($"the database has schema version {current}, newer than this build knows ({SqliteMigrations.All.Count}); refusing to open it");
        }

        for (var version = current + 1; version <= SqliteMigrations.All.Count; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteMigrations.All[version - 1] + $"; INSERT INTO schema_version (version) VALUES ({version});";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return SqliteMigrations.All.Count;
    }

    private void WriteLoop()
    {
        try
        {
            ProcessWrites();
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    private void ProcessWrites()
    {
        var batch = new List<SqliteWriteOperation>(MaxBatch);
        var reader = _writes.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            try
            {
                Execute(_connection, "BEGIN IMMEDIATE");
                foreach (var operation in batch)
                {
                    Execute(_connection, "SAVEPOINT op");
                    Execute(_connection, operation.Execute(_connection) ? "RELEASE op" : "ROLLBACK TO op; RELEASE op");
                }

                Execute(_connection, "COMMIT");
                foreach (var operation in batch)
                {
                    operation.Complete();
                }
            }
            catch (Exception ex)
            {
                TryRollback();
                foreach (var operation in batch)
                {
                    operation.Fail(ex);
                }
            }

            WriteBatches++;
            Writes += batch.Count;
            batch.Clear();
        }
    }

    private void TryRollback()
    {
        try
        {
            Execute(_connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
            // Nothing open to roll back.
        }
    }
}
