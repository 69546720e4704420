namespace Search.Core.Llm;

/// <summary>One numbered piece of evidence shown to the model: the marker it must cite, and where the text comes from.</summary>
public sealed record EvidenceExcerpt(int Marker, string DocumentId, string Title, int Page, string Text);
