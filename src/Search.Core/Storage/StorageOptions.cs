namespace Search.Core.Storage;

/// <summary>Where metadata and originals live; bound from "Search:Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Search:Storage";

    /// <summary>sqlite (embedded, {DataDirectory}/metadata.db) or postgres (shared by a service and workers on other machines).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>For postgres: an Npgsql connection string, e.g. Host=127.0.0.1;Database=search;Username=search;Password=…</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Stored originals; empty means {DataDirectory}/originals. Workers on other machines need it shared (an NFS mount, say).</summary>
    public string OriginalsDirectory { get; set; } = "";

    public StoreProvider ParsedProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "" or "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => StoreProvider.Postgres,
        _ => throw new Configuration.ConfigurationException("Search:Storage:Provider", $"“{Provider}”不是可用的存储：请用 sqlite 或 postgres。"),
    };
}

/// <summary>The kinds of metadata store.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}
