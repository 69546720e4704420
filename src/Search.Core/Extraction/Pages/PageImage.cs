namespace Search.Core.Extraction.Pages;

/// <summary>An image of one page of a stored document, ready to send: a file and its media type.</summary>
public sealed record PageImage(string Path, string ContentType);
