using Microsoft.Data.Sqlite;
using Prow.Storage.Sqlite;

namespace Prow.Storage.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Open_NewFile_CreatesTheLatestSchemaInWalMode()
    {
        var path = Path.Combine(_folder.Path, "nested", "prow.db");
        await using var database = SqliteDatabase.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal(2, database.SchemaVersion);
        Assert.Equal("wal", await database.ReadAsync(c => (string)c.Command("PRAGMA journal_mode").ExecuteScalar()!));
    }

    [Fact]
    public async Task Open_Twice_MigratesOnce()
    {
        var path = _folder.File("prow.db");
        await SqliteDatabase.Open(path).DisposeAsync();
        await using var database = SqliteDatabase.Open(path);

        Assert.Equal([1L, 2L], await database.ReadAsync(c => Longs(c, "SELECT version FROM schema_version ORDER BY version")));
    }

    [Fact]
    public void Open_UnwritablePath_ThrowsNamingTheFile()
    {
        var blocker = _folder.File("a-file");
        File.WriteAllText(blocker, "not a folder");

        var error = Assert.Throws<SqliteStorageException>(() => SqliteDatabase.Open(Path.Combine(blocker, "prow.db")));

        Assert.Contains("a-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_OneFailingWrite_DoesNotTakeItsBatchDown()
    {
        await using var database = SqliteDatabase.Open(_folder.File("prow.db"));
        await database.ApplyMigrationsAsync("t", ["CREATE TABLE t (id INTEGER PRIMARY KEY)"]);

        var writes = Enumerable.Range(0, 50).Select(i => database.WriteAsync(c =>
        {
            c.Command("INSERT INTO t (id) VALUES ($id)", ("$id", i)).ExecuteNonQuery();
            return i == 25 ? throw new InvalidOperationException("boom") : i;
        })).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writes[25]);
        Assert.Equal(49, (await Task.WhenAll(writes.Where((_, i) => i != 25))).Length);
        Assert.Equal(49L, await database.ReadAsync(c => (long)c.Command("SELECT COUNT(*) FROM t").ExecuteScalar()!));
        Assert.True(database.WriteBatches < database.Writes, $"{database.Writes} writes in {database.WriteBatches} commits: expected sharing");
    }

    [Fact]
    public async Task ApplyMigrations_RunsEachComponentVersionOnce_AndRefusesANewerOne()
    {
        var path = _folder.File("component.db");
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

    private static List<long> Longs(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(sql);
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
