using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Extraction.Ocr.Paddle;

namespace Search.Core.Extraction.Ocr;

/// <summary>
/// Reads a page image with the configured engine (<c>Search:Extraction:OcrEngine</c>). PP-OCR is the
/// default; Tesseract takes over when PP-OCR cannot run (models missing, image it cannot decode) or
/// finds no text, and the warning says so.
/// </summary>
public sealed class PageOcr(PaddleOcrEngine paddle, TesseractOcrEngine tesseract, IOptions<ExtractionOptions> options, ILogger<PageOcr> logger)
{
    public const string Paddle = "paddle";
    public const string Tesseract = "tesseract";

    public async Task<PageOcrResult> ReadAsync(string imagePath, CancellationToken cancellationToken)
    {
        if (string.Equals(options.Value.OcrEngine, Tesseract, StringComparison.OrdinalIgnoreCase))
        {
            return new PageOcrResult(await tesseract.RecognizeAsync(imagePath, cancellationToken), []);
        }

        OcrPage page;
        try
        {
            page = await paddle.RecognizeAsync(imagePath, cancellationToken);
        }
        catch (ExtractionException e)
        {
            logger.LogWarning("PP-OCR could not read {Image}, falling back to Tesseract: {Reason}", imagePath, e.Reason);
            return new PageOcrResult(await tesseract.RecognizeAsync(imagePath, cancellationToken), [$"{e.Reason}；已改用 Tesseract 识别"]);
        }
        if (page.HasText)
        {
            return new PageOcrResult(page, []);
        }
        var second = await tesseract.RecognizeAsync(imagePath, cancellationToken);
        return second.HasText
            ? new PageOcrResult(second, ["PP-OCR 未识别到文字，已改用 Tesseract 识别"])
            : new PageOcrResult(page, []);
    }
}

/// <summary>A page as OCR read it, and what a reviewer should know about how.</summary>
public sealed record PageOcrResult(OcrPage Page, IReadOnlyList<string> Warnings);
