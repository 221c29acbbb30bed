namespace Prow.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> in WAL mode.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is fsynced: nothing acknowledged is lost, even on power loss. The default.</summary>
    Full,
    /// <summary>Commits survive a process crash; the last ones may be lost on power loss. Faster.</summary>
    Normal,
}
