namespace Search.Core.Extraction.Pages;

/// <summary>Where a found word stands on a page image, as fractions of the page's width and height from its top-left corner.</summary>
public sealed record HighlightBox(double X, double Y, double Width, double Height, string Term);
