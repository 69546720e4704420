namespace Search.Core.Extraction.Ocr;

/// <summary>Images (screenshots, photos, scans): OCR, one page per image; an image without text fails with that reason.</summary>
public sealed class ImageTextExtractor(PageOcr ocr) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => FileKindDetector.IsImage(kind);

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var read = await ocr.ReadAsync(path, cancellationToken);
        if (!read.Page.HasText)
        {
            throw new ExtractionException("图片中未识别到文字");
        }
        return new ExtractionResult(Sections(read.Page, 1).ToList(), 1, Warnings: ["文字由 OCR 识别，可能有误", .. read.Warnings])
        {
            OcrPages = [read.Page],
        };
    }

    /// <summary>One section per paragraph or table row, in reading order.</summary>
    public static IEnumerable<TextSection> Sections(OcrPage page, int pageNumber)
    {
        var row = 0;
        foreach (var block in page.Blocks)
        {
            yield return new TextSection(block.Text, pageNumber, block.IsTableRow ? $"表格第{++row}行" : null, SectionKind.Ocr);
        }
    }
}
