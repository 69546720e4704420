using Microsoft.Extensions.Options;
using Search.Core.Extraction.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Search.Core.Extraction.Pdf;

/// <summary>
/// PDF page by page in reading order (PdfPig). Pages whose text layer is missing or unusable (scans,
/// mojibake, glyphs without characters) are rendered with pdftoppm and OCR'd, so a mixed PDF gets both;
/// every such page is named in the file's warnings, and a scan that yields no text fails with that reason.
/// </summary>
public sealed class PdfTextExtractor(PageOcr ocr, IOptions<ExtractionOptions> options) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => kind == FileKind.Pdf;

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var sections = new List<TextSection>();
        var toOcr = new List<(int Page, string? Reason)>();
        int pageCount;
        try
        {
            using var document = PdfDocument.Open(path);
            pageCount = document.NumberOfPages;
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = ContentOrderTextExtractor.GetText(page, true);
                var verdict = TextLayerCheck.Judge(text, page.Letters.Count, page.Letters.Count(l => TextLayerCheck.IsEmptyGlyph(l.Value)));
                if (!verdict.IsUsable)
                {
                    toOcr.Add((page.Number, verdict.Reason));
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
        if (toOcr.Count == 0)
        {
            return new ExtractionResult(sections, pageCount);
        }

        var warnings = new List<string>();
        var o = options.Value;
        if (toOcr.Count > o.MaxOcrPages)
        {
            warnings.Add($"需要 OCR 的页过多，仅识别了前 {o.MaxOcrPages} 页");
            toOcr = toOcr.Take(o.MaxOcrPages).ToList();
        }
        // The pages of a long scan are rendered (pdftoppm, a process of its own) and read at once, as many as there
        // are cores: an engine that reads one page at a time on every core (PP-OCR) finds the next page rendered,
        // one that reads on one core (Tesseract) reads several. Results are taken in page order, as if read one by one.
        var read = new PageOcrResult[toOcr.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, toOcr.Count),
            new ParallelOptions { MaxDegreeOfParallelism = o.ResolvedOcrPagesAtOnce, CancellationToken = cancellationToken },
            async (i, token) => read[i] = await OcrPageAsync(path, toOcr[i].Page, token));
        var ocrPages = new List<OcrPage>();
        var withoutText = new List<int>();
        for (var i = 0; i < toOcr.Count; i++)
        {
            var (number, reason) = toOcr[i];
            warnings.AddRange(read[i].Warnings);
            if (reason is not null)
            {
                warnings.Add($"第 {number} 页的文字层无法使用（{reason}），已改用 OCR 识别");
            }
            if (!read[i].Page.HasText)
            {
                withoutText.Add(number);
                continue;
            }
            ocrPages.Add(read[i].Page with { PageNumber = number });
            sections.AddRange(ImageTextExtractor.Sections(read[i].Page, number));
        }
        var missing = toOcr.Where(p => p.Reason is null).Select(p => p.Page).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"第 {Pages(missing)} 页无文字层，已用 OCR 识别");
        }
        if (withoutText.Count > 0)
        {
            if (sections.Count == 0)
            {
                throw new ExtractionException($"扫描件中未识别到文字（第 {Pages(withoutText)} 页经 OCR 仍无文字）：请检查扫描是否清晰、页面是否为空白");
            }
            warnings.Add($"第 {Pages(withoutText)} 页经 OCR 仍未识别到文字，未编入索引");
        }
        return new ExtractionResult(sections.OrderBy(s => s.Page).ToList(), pageCount, Warnings: warnings.Distinct().ToList()) { OcrPages = ocrPages };
    }

    private async Task<PageOcrResult> OcrPageAsync(string path, int page, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var folder = Path.Combine(Path.GetTempPath(), "search-ocr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var prefix = Path.Combine(folder, "page");
            // Written as a plain pixel map (PPM): encoding a 200 dpi page as PNG costs pdftoppm about ten times the
            // rendering itself (0.7 s of CPU a page here), only for the OCR engine to decode it again.
            await ExternalTool.RunAsync(o.PdftoppmPath, ["-r", o.OcrDpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", path, prefix],
                "poppler-utils", TimeSpan.FromSeconds(o.ProcessTimeoutSeconds), cancellationToken);
            return await ocr.ReadAsync(prefix + ".ppm", cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Pages(IEnumerable<int> pages) => string.Join("、", pages);

    /// <summary>Splits page text at blank lines; single line breaks inside a paragraph are joined.</summary>
    public static IEnumerable<TextSection> Paragraphs(string text, int page, SectionKind kind) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => TextLines.Join(p.Split('\n')))
            .Where(p => p.Length > 0)
            .Select(p => new TextSection(p, page, null, kind));
}
