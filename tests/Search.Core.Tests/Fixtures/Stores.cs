using Npgsql;

namespace Search.Core.Tests.Fixtures;

/// <summary>
/// The metadata stores the tests run against. SQLite always; PostgreSQL when SEARCH_TEST_POSTGRES holds a
/// connection string (.ci/run starts Debian's server on 127.0.0.1 and sets it). Each test gets a schema of its own.
/// SEARCH_TEST_STORE=postgres makes PostgreSQL the store of every test, so the whole suite can run on it.
/// </summary>
public static class Stores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("SEARCH_TEST_POSTGRES") is { Length: > 0 } c ? c : null;

    public static string Default => Environment.GetEnvironmentVariable("SEARCH_TEST_STORE") is Postgres && PostgresConnection is not null ? Postgres : Sqlite;

    /// <summary>Theory data: every store this machine can run.</summary>
    public static IEnumerable<object[]> All => PostgresConnection is null ? [[Sqlite]] : [[Sqlite], [Postgres]];

    /// <summary>The configuration that points a data directory at a store; for PostgreSQL a schema named after the folder.</summary>
    public static Dictionary<string, string?> Settings(string store, TempFolder data)
    {
        if (store != Postgres)
        {
            return [];
        }
        var connection = PostgresConnection ?? throw new InvalidOperationException("SEARCH_TEST_POSTGRES is not set");
        return new()
        {
            ["Search:Storage:Provider"] = "postgres",
            ["Search:Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(connection) { SearchPath = SchemaOf(data) }.ConnectionString,
        };
    }

    /// <summary>Drops the schema of a data directory's PostgreSQL store, if it has one.</summary>
    public static void Drop(TempFolder data)
    {
        if (PostgresConnection is not { } connection)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var open = new NpgsqlConnection(connection);
        open.Open();
        using var command = open.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{SchemaOf(data)}\" CASCADE";
        command.ExecuteNonQuery();
    }

    private static string SchemaOf(TempFolder data) => "t_" + Path.GetFileName(data.Path).Replace("search-tests-", "")[..24];
}
