namespace Search.Core.Ingestion;

/// <summary>How many files are processed at once; bound from "Search:Ingestion".</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Search:Ingestion";

    /// <summary>Files processed at once in this process (0: one per processor core).</summary>
    public int Workers { get; set; }

    public int ResolvedWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}
