using Microsoft.Extensions.Options;
using Search.Core.Extraction.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Search.Core.Extraction.Pdf;

/// <summary>
/// PDF page by page in reading order (PdfPig); pages without a text layer (scans) are rendered with
/// pdftoppm and OCR'd with Tesseract, so a mixed PDF gets both.
/// </summary>
public sealed class PdfTextExtractor(TesseractOcr ocr, IOptions<ExtractionOptions> options) : ITextExtractor
{
    /// <summary>A page with fewer letters than this is treated as a scan.</summary>
    private const int MinTextLayerCharacters = 10;

    public bool CanExtract(FileKind kind) => kind == FileKind.Pdf;

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var sections = new List<TextSection>();
        var scanned = new List<int>();
        int pageCount;
        try
        {
            using var document = PdfDocument.Open(path);
            pageCount = document.NumberOfPages;
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = ContentOrderTextExtractor.GetText(page, true);
                if (text.Count(char.IsLetterOrDigit) < MinTextLayerCharacters)
                {
                    scanned.Add(page.Number);
                    continue;
                }
                sections.AddRange(Paragraphs(text, page.Number, SectionKind.Paragraph));
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ExtractionException("PDF 已加密，无法读取文字：请上传未加密的版本");
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException or FormatException or EndOfStreamException)
        {
            throw new ExtractionException($"PDF 文件已损坏或不完整，无法读取（{e.GetType().Name}）");
        }

        var warnings = new List<string>();
        if (scanned.Count > 0)
        {
            var o = options.Value;
            if (scanned.Count > o.MaxOcrPages)
            {
                warnings.Add($"扫描页过多，仅识别了前 {o.MaxOcrPages} 页");
                scanned = scanned.Take(o.MaxOcrPages).ToList();
            }
            foreach (var number in scanned)
            {
                var text = await OcrPageAsync(path, number, cancellationToken);
                sections.AddRange(Paragraphs(text, number, SectionKind.Ocr));
            }
            warnings.Add($"第 {string.Join("、", scanned)} 页无文字层，已用 OCR 识别");
            sections = sections.OrderBy(s => s.Page).ToList();
        }
        return new ExtractionResult(sections, pageCount, Warnings: warnings);
    }

    private async Task<string> OcrPageAsync(string path, int page, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var folder = Path.Combine(Path.GetTempPath(), "search-ocr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var prefix = Path.Combine(folder, "page");
            await ExternalTool.RunAsync(o.PdftoppmPath, ["-r", o.OcrDpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-png", "-singlefile", path, prefix],
                "poppler-utils", TimeSpan.FromSeconds(o.ProcessTimeoutSeconds), cancellationToken);
            return await ocr.RecognizeAsync(prefix + ".png", cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Splits page text at blank lines; single line breaks inside a paragraph are joined.</summary>
    public static IEnumerable<TextSection> Paragraphs(string text, int page, SectionKind kind) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => TextLines.Join(p.Split('\n')))
            .Where(p => p.Length > 0)
            .Select(p => new TextSection(p, page, null, kind));
}
