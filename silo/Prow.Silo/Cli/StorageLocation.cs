namespace Prow.Silo.Cli;

/// <summary>Where the silo keeps its state: <c>sqlite:PATH</c>, <c>memory:</c>, or <c>postgres:</c> (the connection string in <c>--storage-connection-file</c>).</summary>
public sealed record StorageLocation(StorageKind Kind, string? Path)
{
    public static StorageLocation Default { get; } = new(StorageKind.Sqlite, "./.prow/prow.db");

    public static bool TryParse(string value, out StorageLocation location, out string error)
    {
        ArgumentNullException.ThrowIfNull(value);
        location = Default;
        error = "";
        if (value.Equals("memory:", StringComparison.OrdinalIgnoreCase))
        {
            location = new StorageLocation(StorageKind.Memory, null);
            return true;
        }

        if (value.Equals("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            location = new StorageLocation(StorageKind.Postgres, null);
            return true;
        }

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && value.Length > "sqlite:".Length)
        {
            location = new StorageLocation(StorageKind.Sqlite, value["sqlite:".Length..]);
            return true;
        }

        error = value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase)
            ? $"--storage: '{value}': write postgres: and put the connection string in the file --storage-connection-file names (a password never goes on the command line)"
            : $"--storage: '{value}' is not sqlite:PATH, memory: or postgres:";
        return false;
    }

    public override string ToString() => Kind switch
    {
        StorageKind.Memory => "memory:",
        StorageKind.Postgres => "postgres:",
        _ => $"sqlite:{Path}",
    };
}

public enum StorageKind
{
    Sqlite,
    Memory,
    Postgres,
}
