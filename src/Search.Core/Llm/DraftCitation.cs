namespace Search.Core.Llm;

/// <summary>A marker in a draft and the document page it stands for.</summary>
public sealed record DraftCitation(int Marker, string DocumentId, int Page, string Title);
