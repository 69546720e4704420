using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Search.Core.Storage;

/// <summary>
/// Opens connections to the metadata store, SQLite (embedded) or PostgreSQL (shared with workers on other
/// machines), and brings its schema up to date on first use. The repositories write one SQL for both: named
/// @parameters, ON CONFLICT, RETURNING and LIMIT mean the same in each; only the schema steps differ.
/// </summary>
public sealed class MetadataDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;
    private readonly Lock _schemaGate = new();
    private volatile bool _initialised;

    public MetadataDatabase(DataPaths paths, IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        Provider = storage.ParsedProvider;
        if (Provider == StoreProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                throw new Configuration.ConfigurationException("Search:Storage:ConnectionString", "使用 postgres 存储时必须配置连接字符串。");
            }
            _connectionString = storage.ConnectionString;
            _postgres = NpgsqlDataSource.Create(storage.ConnectionString);
            Description = $"PostgreSQL {_postgres.ConnectionString.Split(';').FirstOrDefault(p => p.StartsWith("Host", StringComparison.OrdinalIgnoreCase))}";
        }
        else
        {
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = paths.Database,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            Description = $"SQLite {paths.Database}";
        }
    }

    /// <summary>The embedded SQLite store of a data directory.</summary>
    public MetadataDatabase(DataPaths paths)
        : this(paths, Options.Create(new StorageOptions()))
    {
    }

    public StoreProvider Provider { get; }

    /// <summary>Which store this is, for logs and status (never the password).</summary>
    public string Description { get; }

    public DbConnection Open()
    {
        DbConnection connection = _postgres is not null ? _postgres.OpenConnection() : OpenSqlite();
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

    private SqliteConnection OpenSqlite()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets readers in other processes work while one writes; with synchronous=NORMAL it stays
        // consistent after a crash and spares an fsync per statement.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Takes the migration steps this database has not taken, each in its own transaction, one process at a time.</summary>
    private void Migrate(DbConnection connection)
    {
        if (Provider == StoreProvider.Postgres && new NpgsqlConnectionStringBuilder(_connectionString).SearchPath is { Length: > 0 } schema)
        {
            Run(connection, null, $"CREATE SCHEMA IF NOT EXISTS \"{schema.Split(',')[0].Trim().Replace("\"", "")}\"");
        }
        Run(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var migration in SchemaMigrations.All)
        {
            using var tx = BeginExclusive(connection);
            using var check = Prepare(connection, "SELECT COUNT(*) FROM schema_migrations WHERE version=@v", ("@v", migration.Version));
            check.Transaction = tx;
            if (Convert.ToInt32(check.ExecuteScalar()) > 0)
            {
                continue;
            }
            Run(connection, tx, migration.For(Provider));
            using (var record = Prepare(connection, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)",
                ("@v", migration.Version), ("@d", migration.Description), ("@t", DateTimeOffset.UtcNow.ToString("O"))))
            {
                record.Transaction = tx;
                record.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>A transaction that holds the store's write lock from its start (two processes migrating at once take turns).</summary>
    private DbTransaction BeginExclusive(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }
        var tx = connection.BeginTransaction();
        Run(connection, tx, "SELECT pg_advisory_xact_lock(4242001)");
        return tx;
    }

    private static void Run(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The highest migration step this database has taken.</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        using var command = Prepare(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Runs several repositories' writes in one transaction on one connection: all of them are stored, or none.</summary>
    public void InTransaction(Action<DbConnection, DbTransaction> work)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        work(connection, tx);
        tx.Commit();
    }

    /// <summary>Runs a statement with named parameters (@name ↦ value).</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Prepare(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row a query returns, as strings (nulls left out).</summary>
    public List<string> Strings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Prepare(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            if (!reader.IsDBNull(0))
            {
                values.Add(reader.GetString(0));
            }
        }
        return values;
    }

    public static DbCommand Prepare(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name, value);
        }
        return command;
    }

    /// <summary>Adds a parameter and returns it, so a loop can set its value for each row.</summary>
    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Closes the PostgreSQL pool of this store (its idle connections would otherwise stay open).</summary>
    public void Dispose() => _postgres?.Dispose();

    /// <summary>Closes pooled connections (tests delete data directories; SQLite keeps files open in its pool).</summary>
    public static void ReleasePools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
