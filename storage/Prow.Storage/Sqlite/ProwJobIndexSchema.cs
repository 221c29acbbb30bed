namespace Prow.Storage.Sqlite;

/// <summary>The job index's tables, as ordered migrations (append, never edit).</summary>
internal static class ProwJobIndexSchema
{
    public const string Component = "prowjob_index";

    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: one row per ProwJob; every filter has an index that also gives the newest-first order, so a filtered
        // first page reads about one page of rows however many jobs are stored.
        """
        CREATE TABLE prowjob_index (
            id          TEXT NOT NULL PRIMARY KEY,
            created     INTEGER NOT NULL,
            job         TEXT NOT NULL,
            type        TEXT NOT NULL,
            state       TEXT NOT NULL,
            started     INTEGER NOT NULL,
            completed   INTEGER NULL,
            repo        TEXT NULL,
            base_ref    TEXT NULL,
            pull        INTEGER NULL,
            pull_sha    TEXT NULL,
            author      TEXT NULL COLLATE NOCASE,
            build_id    TEXT NULL,
            description TEXT NULL,
            payload     BLOB NOT NULL
        );
        CREATE INDEX ix_prowjob_index_created ON prowjob_index (created, id);
        CREATE INDEX ix_prowjob_index_job ON prowjob_index (job, created, id);
        CREATE INDEX ix_prowjob_index_repo ON prowjob_index (repo, pull, created, id);
        CREATE INDEX ix_prowjob_index_repo_created ON prowjob_index (repo, created, id);
        CREATE INDEX ix_prowjob_index_author ON prowjob_index (author, created, id);
        CREATE INDEX ix_prowjob_index_state ON prowjob_index (state, created, id);
        CREATE INDEX ix_prowjob_index_type ON prowjob_index (type, created, id);
        """,
    ];
}
