namespace Search.Core.Storage;

/// <summary>A stored passage: kept beside the index so documents can be re-matched and re-indexed without re-extraction.</summary>
public sealed record PassageRecord(string DocumentId, int Ordinal, string Text, int Page, int StartOffset, string? Location);
