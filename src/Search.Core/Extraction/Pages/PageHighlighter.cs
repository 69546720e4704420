using System.Text;
using Search.Core.Extraction.Ocr;
using Search.Core.Indexing;
using Search.Core.Storage;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Search.Core.Extraction.Pages;

/// <summary>
/// Finds where words stand on a page: from the PDF's text layer (PdfPig letters) or, for a scanned page or an
/// image, from the lines OCR kept. A scan stored before OCR lines were kept, or a page OCR never read, is read
/// once when it is first shown and its lines kept beside the others. Boxes of a page OCR read turned (a scan
/// lying on its side) are turned back onto the page as stored. Matching ignores white space and
/// full-width/half-width differences, as search does.
/// </summary>
public sealed class PageHighlighter(OcrLayoutStore layouts, PageImageRenderer renderer, PageOcr ocr)
{
    private const int MaxBoxes = 200;

    private readonly SemaphoreSlim _reading = new(1, 1);

    public async Task<IReadOnlyList<HighlightBox>> FindAsync(DocumentRecord document, int page, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        var wanted = terms.Select(Normalize).Where(t => t.Length > 0).Distinct().OrderByDescending(t => t.Length).ToList();
        if (wanted.Count == 0 || !PageImageRenderer.CanRender(document) || page < 1 || page > Math.Max(1, document.PageCount))
        {
            return [];
        }
        if (layouts.Load(document.Id, page) is { } kept)
        {
            return FromOcr(kept, wanted);
        }
        if (string.Equals(document.Kind, "pdf", StringComparison.OrdinalIgnoreCase) && FromPdf(document.StoredPath, page, wanted) is { } fromText)
        {
            return fromText;
        }
        return FromOcr(await ReadPageAsync(document, page, cancellationToken), wanted);
    }

    /// <summary>OCR of the page image as shown, once: the lines are kept so the next view reads them from disk.</summary>
    private async Task<OcrPage> ReadPageAsync(DocumentRecord document, int page, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (layouts.Load(document.Id, page) is { } kept)
            {
                return kept;
            }
            var image = await renderer.RenderAsync(document, page, cancellationToken);
            var read = (await ocr.ReadAsync(image.Path, cancellationToken)).Page with { PageNumber = page };
            layouts.SaveViewed(document.Id, read);
            return read;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Boxes from the page's text layer; null when the page has none (a scan), so OCR must say.</summary>
    private static List<HighlightBox>? FromPdf(string path, int pageNumber, IReadOnlyList<string> terms)
    {
        using var pdf = PdfDocument.Open(path);
        if (pageNumber < 1 || pageNumber > pdf.NumberOfPages)
        {
            return [];
        }
        var page = pdf.GetPage(pageNumber);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (letters.Count == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        var owner = new List<int>();
        for (var i = 0; i < letters.Count; i++)
        {
            foreach (var c in Normalize(letters[i].Value))
            {
                text.Append(c);
                owner.Add(i);
            }
        }
        var bounds = page.CropBox.Bounds;
        var boxes = new List<HighlightBox>();
        foreach (var (term, start) in Occurrences(text.ToString(), terms))
        {
            var used = owner.Skip(start).Take(term.Length).Distinct().Select(i => letters[i]).ToList();
            // A word may wrap to the next line: one box per line.
            foreach (var line in SplitLines(used))
            {
                var left = line.Min(l => l.BoundingBox.Left);
                var right = line.Max(l => l.BoundingBox.Right);
                var top = line.Max(l => l.BoundingBox.Top);
                var bottom = line.Min(l => l.BoundingBox.Bottom);
                boxes.Add(new HighlightBox(
                    Round((left - bounds.Left) / bounds.Width),
                    Round((bounds.Top - top) / bounds.Height),
                    Round((right - left) / bounds.Width),
                    Round((top - bottom) / bounds.Height),
                    term));
            }
            if (boxes.Count >= MaxBoxes)
            {
                break;
            }
        }
        return boxes;
    }

    private static IEnumerable<List<Letter>> SplitLines(List<Letter> letters)
    {
        var line = new List<Letter>();
        foreach (var letter in letters)
        {
            if (line.Count > 0 && Math.Abs(letter.StartBaseLine.Y - line[^1].StartBaseLine.Y) > Math.Max(2, line[^1].BoundingBox.Height / 2))
            {
                yield return line;
                line = [];
            }
            line.Add(letter);
        }
        if (line.Count > 0)
        {
            yield return line;
        }
    }

    /// <summary>
    /// OCR keeps a box per line: a word's box is the share of the line its characters take. Lines of a page OCR
    /// turned to read are in the turned image; their boxes are turned back onto the page as shown.
    /// </summary>
    private static List<HighlightBox> FromOcr(OcrPage page, IReadOnlyList<string> terms)
    {
        var boxes = new List<HighlightBox>();
        if (page.Width <= 0 || page.Height <= 0 || page.Rotation % 90 != 0)
        {
            return boxes;
        }
        foreach (var line in page.Lines)
        {
            var text = Normalize(line.Text);
            if (text.Length == 0)
            {
                continue;
            }
            var width = line.Right - line.Left;
            foreach (var (term, start) in Occurrences(text, terms))
            {
                var x = line.Left + width * start / (double)text.Length;
                var (left, top, w, h) = Unturn(page,
                    x / page.Width,
                    line.Top / (double)page.Height,
                    width * term.Length / (double)text.Length / page.Width,
                    (line.Bottom - line.Top) / (double)page.Height);
                boxes.Add(new HighlightBox(Round(left), Round(top), Round(w), Round(h), term));
            }
            if (boxes.Count >= MaxBoxes)
            {
                break;
            }
        }
        return boxes;
    }

    /// <summary>
    /// A box in the image OCR read (fractions of it) as a box on the page as stored: that image is the page turned
    /// <see cref="OcrPage.Rotation"/> degrees clockwise, so the box is turned as far back.
    /// </summary>
    public static (double Left, double Top, double Width, double Height) Unturn(OcrPage page, double left, double top, double width, double height) =>
        (((page.Rotation % 360) + 360) % 360) switch
        {
            // Read turned 90° clockwise: the page's top-left corner is the read image's top-right, so its x runs down
            // the page and its y from the page's right edge to the left.
            90 => (top, 1 - left - width, height, width),
            180 => (1 - left - width, 1 - top - height, width, height),
            // Read turned 270° clockwise (90° anticlockwise): its x runs up the page, its y from the left edge to the right.
            270 => (1 - top - height, left, height, width),
            _ => (left, top, width, height),
        };

    /// <summary>Non-overlapping occurrences, longer terms first, so 行政复议 is not boxed again as 复议.</summary>
    private static IEnumerable<(string Term, int Start)> Occurrences(string text, IReadOnlyList<string> terms)
    {
        var taken = new bool[text.Length];
        foreach (var term in terms)
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (taken.AsSpan(at, term.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, term.Length).Fill(true);
                yield return (term, at);
            }
        }
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var m = TextNormalizer.Map(c);
            if (!char.IsWhiteSpace(m))
            {
                builder.Append(m);
            }
        }
        return builder.ToString();
    }

    private static double Round(double value) => Math.Round(Math.Clamp(value, 0, 1), 4);
}
