namespace Search.Core.Extraction;

/// <summary>
/// One ordered piece of extracted text with its location: evidence must point to where it is.
/// </summary>
/// <param name="Text">The text, normalised (no OCR spaces between Chinese characters).</param>
/// <param name="Page">1-based page (PDF/OFD page, image frame, sheet index for spreadsheets, slide for PPTX).</param>
/// <param name="Location">Human-readable place inside the page, e.g. "表1 第3行", "Sheet1 第5行", "页眉"; null for plain body text.</param>
/// <param name="Kind">What the section is, so splitting can keep headings and table rows whole.</param>
public sealed record TextSection(string Text, int Page, string? Location = null, SectionKind Kind = SectionKind.Paragraph);

public enum SectionKind
{
    Paragraph,
    Heading,
    TableRow,
    HeaderFooter,
    Ocr,
}
