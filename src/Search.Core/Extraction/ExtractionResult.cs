namespace Search.Core.Extraction;

/// <summary>What an extractor read from one file.</summary>
/// <param name="Sections">Text in reading order.</param>
/// <param name="PageCount">Pages (or sheets, slides); at least 1 for a non-empty file.</param>
/// <param name="Title">A title the format itself records (HTML title, document properties), if any.</param>
/// <param name="SourceUrl">The address a saved web page records, if any.</param>
/// <param name="Warnings">Things a reviewer should know (pages that needed OCR, pages with no text).</param>
public sealed record ExtractionResult(
    IReadOnlyList<TextSection> Sections,
    int PageCount,
    string? Title = null,
    string? SourceUrl = null,
    IReadOnlyList<string>? Warnings = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = Warnings ?? [];

    /// <summary>The pages OCR read, with every line's box and confidence, so a page view can highlight a hit.</summary>
    public IReadOnlyList<Ocr.OcrPage> OcrPages { get; init; } = [];

    /// <summary>True when OCR produced any of the text.</summary>
    public bool UsedOcr => Sections.Any(s => s.Kind == SectionKind.Ocr);

    /// <summary>Pages whose text OCR read (a scan's pages, not the pages of a PDF whose text layer served).</summary>
    public int OcrPageCount => Sections.Where(s => s.Kind == SectionKind.Ocr).Select(s => s.Page).Distinct().Count();
}
