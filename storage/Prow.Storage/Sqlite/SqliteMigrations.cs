namespace Prow.Storage.Sqlite;

/// <summary>The schema, as an ordered list of migrations. Append, never edit: version N is applied once to every database.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: grain state, reminders, durable inbox.
        """
        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            state_name TEXT NOT NULL,
            payload    BLOB NOT NULL,
            version    INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;

        CREATE TABLE reminders (
            grain_type   TEXT NOT NULL,
            grain_key    TEXT NOT NULL,
            name         TEXT NOT NULL,
            start_at     INTEGER NOT NULL,
            period_ticks INTEGER NOT NULL,
            last_tick_at INTEGER NULL,
            version      INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        ) WITHOUT ROWID;

        CREATE TABLE ingress (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            kind         TEXT NOT NULL,
            dedupe_key   TEXT NULL UNIQUE,
            payload      BLOB NOT NULL,
            accepted_at  INTEGER NOT NULL,
            status       INTEGER NOT NULL DEFAULT 0,
            attempts     INTEGER NOT NULL DEFAULT 0,
            last_error   TEXT NULL,
            completed_at INTEGER NULL
        );
        CREATE INDEX ix_ingress_status ON ingress (status, id);
        """,

        // 2: Orleans' reminder service reads reminders by ranges of GrainId.GetUniformHashCode(). Rows written before
        // this have no hash; SqliteReminderTable fills it in when it starts. ETags come from one counter, so a reminder
        // removed and registered again never gets an ETag it had before.
        """
        ALTER TABLE reminders ADD COLUMN grain_hash INTEGER NULL;
        CREATE INDEX ix_reminders_grain_hash ON reminders (grain_hash);

        CREATE TABLE reminder_etag (
            id   INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            last INTEGER NOT NULL
        );
        INSERT INTO reminder_etag (id, last) SELECT 1, COALESCE(MAX(version), 0) FROM reminders;
        """,
    ];
}
