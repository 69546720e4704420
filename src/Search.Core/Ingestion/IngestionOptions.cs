namespace Search.Core.Ingestion;

/// <summary>How many files are processed at once; bound from "Search:Ingestion".</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Search:Ingestion";

    /// <summary>Files processed at once in this process: 0 means one per processor core, a negative number none (only `worker` processes ingest).</summary>
    public int Workers { get; set; }

    public int ResolvedWorkers => Workers switch
    {
        > 0 => Workers,
        0 => Environment.ProcessorCount,
        _ => 0,
    };
}
