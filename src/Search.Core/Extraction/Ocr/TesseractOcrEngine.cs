using System.Globalization;
using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Ocr;

/// <summary>
/// Tesseract (chi_sim + eng by default) through its TSV output: its own layout analysis gives paragraphs and
/// lines, each line keeps the box around its words and their mean confidence; OCR spacing is cleaned.
/// </summary>
public sealed class TesseractOcrEngine(IOptions<ExtractionOptions> options) : IOcrEngine
{
    public string Name => "tesseract";

    public async Task<OcrPage> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var tsv = await ExternalTool.RunAsync(o.TesseractPath, [imagePath, "stdout", "-l", o.OcrLanguages, "--psm", "3", "tsv"],
            "tesseract-ocr tesseract-ocr-chi-sim", TimeSpan.FromSeconds(o.ProcessTimeoutSeconds), cancellationToken);
        return Parse(tsv, Name);
    }

    /// <summary>Reads Tesseract's TSV: level 1 is the page, level 5 the words, grouped by block, paragraph and line.</summary>
    public static OcrPage Parse(string tsv, string engine)
    {
        var width = 0;
        var height = 0;
        var words = new List<Word>();
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level))
            {
                continue;
            }
            int N(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            if (level == 1)
            {
                (width, height) = (N(8), N(9));
            }
            else if (level == 5 && f[11].Trim().Length > 0)
            {
                var confidence = float.Parse(f[10], CultureInfo.InvariantCulture);
                words.Add(new Word(N(2), N(3), N(4), N(6), N(7), N(8), N(9), Math.Max(0, confidence) / 100f, f[11].Trim()));
            }
        }
        var blocks = words
            .GroupBy(w => (w.Block, w.Paragraph))
            .Select(paragraph =>
            {
                var lines = paragraph.GroupBy(w => w.Line).Select(Line).Where(l => l.Text.Length > 0).ToList();
                return new OcrBlock(TextLines.Join(lines.Select(l => l.Text)), false, lines);
            })
            .Where(b => b.Text.Length > 0)
            .ToList();
        return new OcrPage(engine, width, height, 0, blocks);
    }

    private static OcrLine Line(IEnumerable<Word> words)
    {
        var list = words.ToList();
        var (left, top) = (list.Min(w => w.Left), list.Min(w => w.Top));
        var (right, bottom) = (list.Max(w => w.Left + w.Width), list.Max(w => w.Top + w.Height));
        var text = OcrTextCleaner.Clean(string.Join(' ', list.Select(w => w.Text)));
        return new OcrLine(text, [new(left, top), new(right, top), new(right, bottom), new(left, bottom)], list.Average(w => w.Confidence));
    }

    private sealed record Word(int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, float Confidence, string Text);
}
