namespace Prow.Storage.Sqlite;

/// <summary>The database file cannot be opened, created or migrated; the message says which file and why.</summary>
public sealed class SqliteStorageException : Exception
{
    public SqliteStorageException()
    {
    }

    public SqliteStorageException(string message)
        : base(message)
    {
    }

    public SqliteStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
