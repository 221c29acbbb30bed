using Microsoft.Data.Sqlite;
using Prow.Runtime.Sqlite;

namespace Prow.Runtime.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-sqlite-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Open_NewFile_CreatesSchemaInWalMode()
    {
        var path = Path.Combine(_folder, "nested", "prow.db");
        await using var database = SqliteDatabase.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal(1, database.SchemaVersion);
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Open_Twice_MigratesOnce()
    {
        var path = Path.Combine(_folder, "prow.db");
        await (SqliteDatabase.Open(path)).DisposeAsync();
        await using var database = SqliteDatabase.Open(path);

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public void Open_UnwritablePath_ThrowsNamingTheFile()
    {
        var blocker = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocker, "not a folder");

        var error = Assert.Throws<SqliteStorageException>(() => SqliteDatabase.Open(Path.Combine(blocker, "prow.db")));

        Assert.Contains("a-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NewerSchema_IsRefused()
    {
        var path = Path.Combine(_folder, "future.db");
        await (SqliteDatabase.Open(path)).DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version) VALUES (999)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<SqliteStorageException>(() => SqliteDatabase.Open(path));
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyMigrations_RunsEachComponentVersionOnce_AndRefusesANewerOne()
    {
        var path = Path.Combine(_folder, "component.db");
        string[] v1 = ["CREATE TABLE widget (id INTEGER)"];
        string[] v2 = [.. v1, "ALTER TABLE widget ADD COLUMN name TEXT"];
        await using (var database = SqliteDatabase.Open(path))
        {
            await database.ApplyMigrationsAsync("widgets", v1);
            await database.ApplyMigrationsAsync("widgets", v1);
            await database.ApplyMigrationsAsync("widgets", v2);
            await database.WriteAsync(c => c.Command("INSERT INTO widget (id, name) VALUES (1, 'a')").ExecuteNonQuery());

            var error = await Assert.ThrowsAsync<SqliteStorageException>(() => database.ApplyMigrationsAsync("widgets", v1));
            Assert.Contains("widgets has schema version 2", error.Message, StringComparison.Ordinal);
        }

        await using var reopened = SqliteDatabase.Open(path);
        await reopened.ApplyMigrationsAsync("widgets", v2);
        Assert.Equal(1L, await reopened.ReadAsync(c => (long)c.Command("SELECT COUNT(*) FROM widget").ExecuteScalar()!));
    }
}
