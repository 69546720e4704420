using System.Text.Json.Serialization;

namespace Search.Core.Extraction.Ocr;

/// <summary>
/// What OCR read on one page image: blocks in reading order, each made of lines that keep their box and
/// confidence, so a page view can highlight a hit on the image.
/// </summary>
/// <param name="Engine">The engine that read it (paddle, tesseract).</param>
/// <param name="Width">Width of the upright image, in pixels.</param>
/// <param name="Height">Height of the upright image, in pixels.</param>
/// <param name="Rotation">Degrees clockwise the image was turned to read it upright (0, 90, 180, 270); boxes are in the turned image.</param>
/// <param name="Blocks">Paragraphs and table rows in reading order.</param>
public sealed record OcrPage(string Engine, int Width, int Height, int Rotation, IReadOnlyList<OcrBlock> Blocks)
{
    /// <summary>1-based page of the file the image shows (a PDF's page number; 1 for an image file).</summary>
    public int PageNumber { get; init; } = 1;

    /// <summary>The page's text: blocks separated by blank lines, table cells by tabs.</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text));

    [JsonIgnore]
    public IEnumerable<OcrLine> Lines => Blocks.SelectMany(b => b.Lines);

    /// <summary>Mean confidence of the lines, 0 for a page without lines.</summary>
    public double Confidence => Lines.Select(l => (double)l.Confidence).DefaultIfEmpty(0).Average();

    /// <summary>OCR of a picture without text yields a few stray marks; require some letters or characters.</summary>
    public bool HasText => Text.Count(char.IsLetterOrDigit) >= 4;
}

/// <summary>A paragraph, or a table row whose cells are joined by tabs.</summary>
public sealed record OcrBlock(string Text, bool IsTableRow, IReadOnlyList<OcrLine> Lines);

/// <summary>One recognised line (or table cell) with its quadrilateral and the recogniser's confidence (0–1).</summary>
/// <param name="Box">Corners clockwise from top-left, in pixels of the upright image.</param>
public sealed record OcrLine(string Text, IReadOnlyList<OcrPoint> Box, float Confidence)
{
    [JsonIgnore]
    public int Left => Box.Min(p => p.X);

    [JsonIgnore]
    public int Right => Box.Max(p => p.X);

    [JsonIgnore]
    public int Top => Box.Min(p => p.Y);

    [JsonIgnore]
    public int Bottom => Box.Max(p => p.Y);
}

public readonly record struct OcrPoint(int X, int Y);
