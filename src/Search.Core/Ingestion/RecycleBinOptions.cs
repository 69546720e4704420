namespace Search.Core.Ingestion;

/// <summary>How long deleted documents wait in the recycle bin; bound from "Search:RecycleBin".</summary>
public sealed class RecycleBinOptions
{
    public const string SectionName = "Search:RecycleBin";

    /// <summary>Days a deleted document can be restored before it is purged for good (0: purged at the next sweep).</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Minutes between two sweeps of the bin (the first runs at start).</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;
}
