namespace Prow.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, as an ordered list of migrations. Append, never edit: version N is applied once to every
/// database, by whichever Prow process gets there first (or <c>prow db migrate</c>).
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: grain state, reminders, the inbox and the job index (the same tables as on SQLite, with PostgreSQL's
        // types; text that is ordered compares as bytes, as on SQLite), Orleans' membership tables, and the queries Orleans' ADO.NET clustering reads from OrleansQuery.
        """
        CREATE TABLE grain_state (
            grain_type text   NOT NULL,
            grain_key  text   COLLATE "C" NOT NULL,
            state_name text   COLLATE "C" NOT NULL,
            payload    bytea  NOT NULL,
            version    bigint NOT NULL,
            updated_at bigint NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );

        CREATE SEQUENCE reminder_etag;
        CREATE TABLE reminders (
            grain_type   text   NOT NULL,
            grain_key    text   NOT NULL,
            name         text   NOT NULL,
            start_at     bigint NOT NULL,
            period_ticks bigint NOT NULL,
            version      bigint NOT NULL,
            grain_hash   bigint NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        );
        CREATE INDEX ix_reminders_grain_hash ON reminders (grain_hash);

        -- The inbox is written by every gateway: owner and lease_until say which process is handling a pending
        -- delivery and until when; a lease that runs out (its process died) lets another process take the delivery.
        CREATE TABLE ingress (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind         text        NOT NULL,
            dedupe_key   text        NULL UNIQUE,
            payload      bytea       NOT NULL,
            accepted_at  bigint      NOT NULL,
            status       smallint    NOT NULL DEFAULT 0,
            attempts     integer     NOT NULL DEFAULT 0,
            last_error   text        NULL,
            completed_at bigint      NULL,
            owner        text        NULL,
            lease_until  timestamptz NULL
        );
        CREATE INDEX ix_ingress_pending ON ingress (id) WHERE status = 0;
        CREATE INDEX ix_ingress_status ON ingress (status, accepted_at);

        CREATE TABLE prowjob_index (
            id          text   COLLATE "C" NOT NULL PRIMARY KEY,
            created     bigint NOT NULL,
            job         text   NOT NULL,
            type        text   NOT NULL,
            state       text   NOT NULL,
            started     bigint NOT NULL,
            completed   bigint NULL,
            repo        text   NULL,
            base_ref    text   NULL,
            pull        integer NULL,
            pull_sha    text   NULL,
            author      text   NULL,
            build_id    text   NULL,
            description text   NULL,
            payload     bytea  NOT NULL
        );
        CREATE INDEX ix_prowjob_index_created ON prowjob_index (created, id);
        CREATE INDEX ix_prowjob_index_job ON prowjob_index (job, created, id);
        CREATE INDEX ix_prowjob_index_repo ON prowjob_index (repo, pull, created, id);
        CREATE INDEX ix_prowjob_index_repo_created ON prowjob_index (repo, created, id);
        CREATE INDEX ix_prowjob_index_author ON prowjob_index (lower(author), created, id);
        CREATE INDEX ix_prowjob_index_state ON prowjob_index (state, created, id);
        CREATE INDEX ix_prowjob_index_type ON prowjob_index (type, created, id);
        CREATE INDEX ix_prowjob_index_completed ON prowjob_index (completed) WHERE completed IS NOT NULL;

        -- Orleans' membership: one version row per cluster, bumped by every change of a member row, so a change made
        -- against a stale view of the table fails and is retried.
        CREATE TABLE orleans_membership_version (
            deployment_id text        NOT NULL PRIMARY KEY,
            changed_at    timestamptz NOT NULL DEFAULT now(),
            version       integer     NOT NULL DEFAULT 0
        );
        CREATE TABLE orleans_membership (
            deployment_id  text        NOT NULL REFERENCES orleans_membership_version (deployment_id),
            address        text        NOT NULL,
            port           integer     NOT NULL,
            generation     integer     NOT NULL,
            silo_name      text        NOT NULL,
            host_name      text        NOT NULL,
            status         integer     NOT NULL,
            proxy_port     integer     NOT NULL DEFAULT 0,
            suspect_times  text        NULL,
            start_time     timestamptz NOT NULL,
            i_am_alive     timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );

        -- Orleans' ADO.NET providers take their SQL from this table by key; parameters are @Name, result columns are
        -- read by name. These are the clustering provider's keys.
        CREATE TABLE OrleansQuery (
            QueryKey  varchar(64) NOT NULL PRIMARY KEY,
            QueryText text        NOT NULL
        );

        INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
        ('InsertMembershipVersionKey', $q$
            WITH created AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT (deployment_id) DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM created
        $q$),
        ('InsertMembershipKey', $q$
            WITH expected AS (
                SELECT deployment_id FROM orleans_membership_version
                WHERE deployment_id = @DeploymentId AND version = @Version
                FOR UPDATE),
            added AS (
                INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM expected
                ON CONFLICT DO NOTHING
                RETURNING deployment_id),
            bumped AS (
                UPDATE orleans_membership_version v SET version = v.version + 1, changed_at = now()
                FROM added WHERE v.deployment_id = added.deployment_id
                RETURNING 1)
            SELECT count(*)::integer FROM bumped
        $q$),
        ('UpdateMembershipKey', $q$
            WITH expected AS (
                SELECT deployment_id FROM orleans_membership_version
                WHERE deployment_id = @DeploymentId AND version = @Version
                FOR UPDATE),
            changed AS (
                UPDATE orleans_membership m SET status = @Status, suspect_times = @SuspectTimes, i_am_alive = @IAmAliveTime
                FROM expected
                WHERE m.deployment_id = expected.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING m.deployment_id),
            bumped AS (
                UPDATE orleans_membership_version v SET version = v.version + 1, changed_at = now()
                FROM changed WHERE v.deployment_id = changed.deployment_id
                RETURNING 1)
            SELECT count(*)::integer FROM bumped
        $q$),
        ('UpdateIAmAlivetimeKey', $q$
            UPDATE orleans_membership SET i_am_alive = @IAmAliveTime
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
        $q$),
        ('MembershipReadRowKey', $q$
            SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
                   m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
                   m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime"
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
        $q$),
        ('MembershipReadAllKey', $q$
            SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
                   m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
                   m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime"
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
        $q$),
        ('DeleteMembershipTableEntriesKey', $q$
            DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
        $q$),
        ('GatewaysQueryKey', $q$
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
        $q$),
        ('CleanupDefunctSiloEntriesKey', $q$
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND i_am_alive < @IAmAliveTime AND status <> 3
        $q$);
        """,
    ];
}
