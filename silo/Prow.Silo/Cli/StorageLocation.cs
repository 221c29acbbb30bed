namespace Prow.Silo.Cli;

/// <summary>Where the silo keeps its state: <c>sqlite:PATH</c> or <c>memory:</c>.</summary>
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

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && value.Length > "sqlite:".Length)
        {
            location = new StorageLocation(StorageKind.Sqlite, value["sqlite:".Length..]);
            return true;
        }

        error = $"--storage: '{value}' is not sqlite:PATH or memory:";
        return false;
    }

    public override string ToString() => Kind == StorageKind.Memory ? "memory:" : $"sqlite:{Path}";
}

public enum StorageKind
{
    Sqlite,
    Memory,
}
