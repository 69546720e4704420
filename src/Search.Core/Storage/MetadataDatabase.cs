using Microsoft.Data.Sqlite;

namespace Search.Core.Storage;

/// <summary>Opens connections to the SQLite metadata database and creates its schema on first use.</summary>
public sealed class MetadataDatabase
{

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
        using (var pragma = connection.CreateCommand())
        {
            // WAL lets readers in other processes work while one writes; with synchronous=NORMAL it stays
            // consistent after a crash and spares an fsync per statement.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }
        if (!_initialised)
        {
            // Every caller waits until the schema is current; the first one brings it up to date.
            lock (_schemaGate)
            {
                if (!_initialised)
                {
                    Migrate(connection);
                    _initialised = true;
                }
            }
        }
        return connection;
    }

    /// <summary>Takes the migration steps this database has not taken, each in its own transaction.</summary>
    private static void Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        foreach (var migration in SchemaMigrations.All)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply a step.
            using var tx = connection.BeginTransaction(deferred: false);
            using var check = Prepare(connection, "SELECT COUNT(*) FROM schema_migrations WHERE version=@v", ("@v", migration.Version));
            check.Transaction = tx;
            if (Convert.ToInt32(check.ExecuteScalar()) > 0)
            {
                continue;
            }
            using (var step = connection.CreateCommand())
            {
                step.Transaction = tx;
                step.CommandText = migration.Sql;
                step.ExecuteNonQuery();
            }
            using (var record = Prepare(connection, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)",
                ("@v", migration.Version), ("@d", migration.Description), ("@t", DateTimeOffset.UtcNow.ToString("O"))))
            {
                record.Transaction = tx;
                record.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>The highest migration step this database has taken.</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        using var command = Prepare(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(command.ExecuteScalar());
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
