namespace Search.Core.Indexing;

/// <summary>How the index owner projects the store into the index; bound from "Search:Index".</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Search:Index";

    /// <summary>Longest time between a stored change and the commit that makes it searchable and durable, in milliseconds.</summary>
    public int CommitIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Most documents projected between two commits.</summary>
    public int BatchSize { get; set; } = 500;
}
