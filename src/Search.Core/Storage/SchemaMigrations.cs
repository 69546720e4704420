namespace Search.Core.Storage;

/// <summary>
/// The metadata schema as numbered steps, written once per store (SQLite, PostgreSQL) with the same meaning.
/// A database records the steps it has taken in schema_migrations, so every process (service, command line,
/// workers on other machines) brings an older database up to date the same way.
/// </summary>
public static class SchemaMigrations
{
    public sealed record Migration(int Version, string Description, string Sqlite, string Postgres)
    {
        public string For(StoreProvider provider) => provider == StoreProvider.Postgres ? Postgres : Sqlite;
    }

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "documents, passages, jobs, audit, mappings, web checks, drafts",
            """
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY,
                sha256 TEXT NOT NULL,
                source_key TEXT NOT NULL,
                file_name TEXT NOT NULL,
                source_path TEXT NOT NULL,
                department TEXT,
                kind TEXT NOT NULL,
                size INTEGER NOT NULL,
                stored_path TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT,
                page_count INTEGER NOT NULL DEFAULT 0,
                title TEXT,
                doc_number TEXT,
                doc_date TEXT,
                date_from_doc_number INTEGER NOT NULL DEFAULT 0,
                issuing_body TEXT,
                source_url TEXT,
                urls TEXT NOT NULL DEFAULT '[]',
                indicator_hints TEXT NOT NULL DEFAULT '[]',
                warnings TEXT NOT NULL DEFAULT '[]',
                used_ocr INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_documents_sha ON documents(sha256);
            CREATE INDEX IF NOT EXISTS ix_documents_key ON documents(source_key);
            CREATE TABLE IF NOT EXISTS passages (
                document_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                text TEXT NOT NULL,
                page INTEGER NOT NULL,
                start_offset INTEGER NOT NULL,
                location TEXT,
                PRIMARY KEY (document_id, ordinal)
            );
            CREATE TABLE IF NOT EXISTS jobs (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                status TEXT NOT NULL,
                total INTEGER NOT NULL,
                submitted_by TEXT
            );
            CREATE TABLE IF NOT EXISTS job_files (
                job_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                file TEXT NOT NULL,
                path TEXT NOT NULL,
                department TEXT,
                outcome TEXT NOT NULL,
                reason TEXT,
                document_id TEXT,
                PRIMARY KEY (job_id, seq)
            );
            CREATE TABLE IF NOT EXISTS audit_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                time TEXT NOT NULL,
                "user" TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT
            );
            CREATE TABLE IF NOT EXISTS mapping_decisions (
                document_id TEXT NOT NULL,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                decision TEXT NOT NULL,
                "user" TEXT NOT NULL,
                time TEXT NOT NULL,
                note TEXT,
                PRIMARY KEY (document_id, framework, number)
            );
            CREATE TABLE IF NOT EXISTS auto_mappings (
                document_id TEXT NOT NULL,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                score REAL NOT NULL,
                reasons TEXT NOT NULL,
                PRIMARY KEY (document_id, framework, number)
            );
            CREATE TABLE IF NOT EXISTS web_addresses (
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                url TEXT NOT NULL,
                added_by TEXT NOT NULL,
                added_at TEXT NOT NULL,
                PRIMARY KEY (framework, number, url)
            );
            CREATE TABLE IF NOT EXISTS web_check_runs (
                id TEXT PRIMARY KEY,
                framework TEXT,
                status TEXT NOT NULL,
                total INTEGER NOT NULL,
                done INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                submitted_by TEXT,
                error TEXT,
                report TEXT
            );
            CREATE TABLE IF NOT EXISTS web_checks (
                id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL,
                framework TEXT,
                number INTEGER,
                url TEXT NOT NULL,
                checked_at TEXT NOT NULL,
                result TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_web_checks_url ON web_checks(url, checked_at);
            CREATE TABLE IF NOT EXISTS drafts (
                id TEXT PRIMARY KEY,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                text TEXT NOT NULL,
                length INTEGER NOT NULL,
                limit_chars INTEGER NOT NULL,
                limit_source TEXT NOT NULL,
                citations TEXT NOT NULL,
                warnings TEXT NOT NULL,
                status TEXT NOT NULL,
                model TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                edited_by TEXT,
                edited_at TEXT
            );
            CREATE INDEX IF NOT EXISTS ix_drafts_indicator ON drafts(framework, number);
            """,
            """
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY,
                sha256 TEXT NOT NULL,
                source_key TEXT NOT NULL,
                file_name TEXT NOT NULL,
                source_path TEXT NOT NULL,
                department TEXT,
                kind TEXT NOT NULL,
                size BIGINT NOT NULL,
                stored_path TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT,
                page_count INTEGER NOT NULL DEFAULT 0,
                title TEXT,
                doc_number TEXT,
                doc_date TEXT,
                date_from_doc_number INTEGER NOT NULL DEFAULT 0,
                issuing_body TEXT,
                source_url TEXT,
                urls TEXT NOT NULL DEFAULT '[]',
                indicator_hints TEXT NOT NULL DEFAULT '[]',
                warnings TEXT NOT NULL DEFAULT '[]',
                used_ocr INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_documents_sha ON documents(sha256);
            CREATE INDEX IF NOT EXISTS ix_documents_key ON documents(source_key);
            CREATE TABLE IF NOT EXISTS passages (
                document_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                text TEXT NOT NULL,
                page INTEGER NOT NULL,
                start_offset INTEGER NOT NULL,
                location TEXT,
                PRIMARY KEY (document_id, ordinal)
            );
            CREATE TABLE IF NOT EXISTS jobs (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                status TEXT NOT NULL,
                total INTEGER NOT NULL,
                submitted_by TEXT
            );
            CREATE TABLE IF NOT EXISTS job_files (
                job_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                file TEXT NOT NULL,
                path TEXT NOT NULL,
                department TEXT,
                outcome TEXT NOT NULL,
                reason TEXT,
                document_id TEXT,
                PRIMARY KEY (job_id, seq)
            );
            CREATE TABLE IF NOT EXISTS audit_log (
                seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                time TEXT NOT NULL,
                "user" TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT
            );
            CREATE TABLE IF NOT EXISTS mapping_decisions (
                document_id TEXT NOT NULL,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                decision TEXT NOT NULL,
                "user" TEXT NOT NULL,
                time TEXT NOT NULL,
                note TEXT,
                PRIMARY KEY (document_id, framework, number)
            );
            CREATE TABLE IF NOT EXISTS auto_mappings (
                document_id TEXT NOT NULL,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                reasons TEXT NOT NULL,
                PRIMARY KEY (document_id, framework, number)
            );
            CREATE TABLE IF NOT EXISTS web_addresses (
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                url TEXT NOT NULL,
                added_by TEXT NOT NULL,
                added_at TEXT NOT NULL,
                PRIMARY KEY (framework, number, url)
            );
            CREATE TABLE IF NOT EXISTS web_check_runs (
                id TEXT PRIMARY KEY,
                framework TEXT,
                status TEXT NOT NULL,
                total INTEGER NOT NULL,
                done INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                submitted_by TEXT,
                error TEXT,
                report TEXT
            );
            CREATE TABLE IF NOT EXISTS web_checks (
                id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL,
                framework TEXT,
                number INTEGER,
                url TEXT NOT NULL,
                checked_at TEXT NOT NULL,
                result TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_web_checks_url ON web_checks(url, checked_at);
            CREATE TABLE IF NOT EXISTS drafts (
                id TEXT PRIMARY KEY,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                text TEXT NOT NULL,
                length INTEGER NOT NULL,
                limit_chars INTEGER NOT NULL,
                limit_source TEXT NOT NULL,
                citations TEXT NOT NULL,
                warnings TEXT NOT NULL,
                status TEXT NOT NULL,
                model TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                edited_by TEXT,
                edited_at TEXT
            );
            CREATE INDEX IF NOT EXISTS ix_drafts_indicator ON drafts(framework, number);
            """),
        new(2, "index projection: revisions, deletions; job file attempts; web check documents",
            """
            ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE documents ADD COLUMN indexed_revision INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX ix_documents_unprojected ON documents(id) WHERE revision <> indexed_revision;
            CREATE TABLE index_deletions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL,
                requested_at TEXT NOT NULL
            );
            ALTER TABLE job_files ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            UPDATE documents SET status = 'Expanded' WHERE kind = 'zip';
            ALTER TABLE web_checks ADD COLUMN document_id TEXT;
            UPDATE web_checks SET document_id = json_extract(result, '$.documentId');
            CREATE INDEX ix_web_checks_document ON web_checks(document_id);
            """,
            """
            ALTER TABLE documents ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
            ALTER TABLE documents ADD COLUMN indexed_revision BIGINT NOT NULL DEFAULT 0;
            CREATE INDEX ix_documents_unprojected ON documents(id) WHERE revision <> indexed_revision;
            CREATE TABLE index_deletions (
                seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                document_id TEXT NOT NULL,
                requested_at TEXT NOT NULL
            );
            ALTER TABLE job_files ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            UPDATE documents SET status = 'Expanded' WHERE kind = 'zip';
            ALTER TABLE web_checks ADD COLUMN document_id TEXT;
            UPDATE web_checks SET document_id = result::json->>'documentId';
            CREATE INDEX ix_web_checks_document ON web_checks(document_id);
            """),
        new(3, "file queue with leases, content claims",
            """
            ALTER TABLE job_files ADD COLUMN lease_owner TEXT;
            ALTER TABLE job_files ADD COLUMN lease_until TEXT;
            ALTER TABLE job_files ADD COLUMN finished_at TEXT;
            UPDATE job_files SET finished_at = '0001-01-01T00:00:00.0000000+00:00' WHERE outcome <> 'Pending';
            CREATE INDEX ix_job_files_pending ON job_files(job_id, seq) WHERE outcome = 'Pending';
            CREATE TABLE content_claims (
                name TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                until TEXT NOT NULL
            );
            """,
            """
            ALTER TABLE job_files ADD COLUMN lease_owner TEXT;
            ALTER TABLE job_files ADD COLUMN lease_until TEXT;
            ALTER TABLE job_files ADD COLUMN finished_at TEXT;
            UPDATE job_files SET finished_at = '0001-01-01T00:00:00.0000000+00:00' WHERE outcome <> 'Pending';
            CREATE INDEX ix_job_files_pending ON job_files(job_id, seq) WHERE outcome = 'Pending';
            CREATE TABLE content_claims (
                name TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                until TEXT NOT NULL
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
