using Microsoft.Extensions.Options;
using Search.Core.Extraction.Ocr;

namespace Search.Core.Extraction;

/// <summary>Start-up checks of <see cref="ExtractionOptions"/>, naming the key that is wrong.</summary>
public sealed class ExtractionOptionsValidator : IValidateOptions<ExtractionOptions>
{
    public ValidateOptionsResult Validate(string? name, ExtractionOptions options)
    {
        if (!string.Equals(options.OcrEngine, PageOcr.Paddle, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.OcrEngine, PageOcr.Tesseract, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Search:Extraction:OcrEngine must be '{PageOcr.Paddle}' or '{PageOcr.Tesseract}', not '{options.OcrEngine}'.");
        }
        if (options.OcrDetectionMaxSide < 320)
        {
            return ValidateOptionsResult.Fail("Search:Extraction:OcrDetectionMaxSide must be at least 320 pixels.");
        }
        if (options.OcrThreads < 0)
        {
            return ValidateOptionsResult.Fail("Search:Extraction:OcrThreads must be 0 (the cores shared among the pages read at once) or more.");
        }
        if (options.OcrPagesAtOnce < 0)
        {
            return ValidateOptionsResult.Fail("Search:Extraction:OcrPagesAtOnce must be 0 (one per core) or more.");
        }
        return ValidateOptionsResult.Success;
    }
}
