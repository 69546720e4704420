namespace Search.Core.Search;

/// <summary>A matching document: its best passage, how many passages matched, and its date for sorting.</summary>
public sealed class DocumentGroup
{
    public required string DocumentId { get; init; }

    public float Score { get; set; }

    /// <summary>The best passage's doc id in the top-level reader.</summary>
    public int BestDoc { get; set; }

    public int Count { get; set; } = 1;

    /// <summary>yyyyMMdd, 0 when undated.</summary>
    public long Date { get; init; }
}
