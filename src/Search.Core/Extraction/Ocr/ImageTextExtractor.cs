namespace Search.Core.Extraction.Ocr;

/// <summary>Images (screenshots, photos, scans): OCR, one page per image.</summary>
public sealed class ImageTextExtractor(TesseractOcr ocr) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => FileKindDetector.IsImage(kind);

    public async Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        var text = await ocr.RecognizeAsync(path, cancellationToken);
        if (!HasMeaningfulText(text))
        {
            throw new ExtractionException("图片中未识别到文字");
        }
        var sections = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new TextSection(TextLines.Join(p.Split('\n')), 1, null, SectionKind.Ocr))
            .ToList();
        return new ExtractionResult(sections, 1, Warnings: ["文字由 OCR 识别，可能有误"]);
    }

    /// <summary>OCR of a picture without text yields a few stray marks; require some letters or characters.</summary>
    public static bool HasMeaningfulText(string text) => text.Count(c => char.IsLetterOrDigit(c)) >= 4;
}
