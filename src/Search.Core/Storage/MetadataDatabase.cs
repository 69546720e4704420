using Microsoft.Data.Sqlite;

namespace Search.Core.Storage;

/// <summary>Opens connections to the SQLite metadata database and creates its schema on first use.</summary>
public sealed class MetadataDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
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
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT
        );
        CREATE TABLE IF NOT EXISTS mapping_decisions (
            document_id TEXT NOT NULL,
            framework TEXT NOT NULL,
            number INTEGER NOT NULL,
            decision TEXT NOT NULL,
            user TEXT NOT NULL,
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
        """;

    private readonly string _connectionString;
    private readonly Lock _schemaGate = new();
    private volatile bool _initialised;

    public MetadataDatabase(DataPaths paths)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = paths.Database,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (!_initialised)
        {
            // Every caller waits until the schema exists; the first one creates it.
            lock (_schemaGate)
            {
                if (!_initialised)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = Schema;
                    command.ExecuteNonQuery();
                    _initialised = true;
                }
            }
        }
        using (var pragma = connection.CreateCommand())
        {
            // WAL with synchronous=NORMAL stays consistent after a crash and spares an fsync per statement.
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }
        return connection;
    }

    /// <summary>Runs a statement with named parameters (@name ↦ value).</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Prepare(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }
}
