using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Ocr;

/// <summary>Recognises the text of one image with Tesseract (chi_sim + eng by default), cleaned of OCR spacing.</summary>
public sealed class TesseractOcr(IOptions<ExtractionOptions> options)
{
    public async Task<string> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var output = await ExternalTool.RunAsync(o.TesseractPath, [imagePath, "stdout", "-l", o.OcrLanguages, "--psm", "3"],
            "tesseract-ocr tesseract-ocr-chi-sim", TimeSpan.FromSeconds(o.ProcessTimeoutSeconds), cancellationToken);
        return OcrTextCleaner.Clean(output);
    }
}
