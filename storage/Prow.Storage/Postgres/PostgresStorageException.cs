namespace Prow.Storage.Postgres;

/// <summary>The database cannot be reached or migrated; the message says which database and why.</summary>
public sealed class PostgresStorageException : Exception
{
    public PostgresStorageException()
    {
    }

    public PostgresStorageException(string message)
        : base(message)
    {
    }

    public PostgresStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
