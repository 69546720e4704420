using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Extraction.Archives;
using Search.Core.Extraction.Ocr;
using Search.Core.Extraction.Ocr.Paddle;
using Search.Core.Extraction.Office;
using Search.Core.Extraction.Ofd;
using Search.Core.Extraction.Pdf;
using Search.Core.Extraction.Text;
using Search.Core.Extraction.Web;

namespace Search.Core.Extraction;

/// <summary>Registers the extractors, one per format, and the service that picks among them.</summary>
public static class ExtractionServiceCollectionExtensions
{
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExtractionOptions>().Bind(configuration.GetSection(ExtractionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExtractionOptions>, ExtractionOptionsValidator>();
        services.AddSingleton<TesseractOcrEngine>();
        services.AddSingleton<PaddleOcrEngine>();
        services.AddSingleton<PageOcr>();
        services.AddSingleton<OcrLayoutStore>();
        services.AddSingleton<Pages.PageImageRenderer>();
        services.AddSingleton<Pages.PageHighlighter>();
        services.AddSingleton<DocxTextExtractor>();
        services.AddSingleton<XlsxTextExtractor>();
        services.AddSingleton<ITextExtractor, PdfTextExtractor>();
        services.AddSingleton<ITextExtractor, ImageTextExtractor>();
        services.AddSingleton<ITextExtractor>(sp => sp.GetRequiredService<DocxTextExtractor>());
        services.AddSingleton<ITextExtractor>(sp => sp.GetRequiredService<XlsxTextExtractor>());
        services.AddSingleton<ITextExtractor, LegacyOfficeExtractor>();
        services.AddSingleton<ITextExtractor, PlainTextExtractor>();
        services.AddSingleton<ITextExtractor, HtmlTextExtractor>();
        services.AddSingleton<ITextExtractor, OfdTextExtractor>();
        services.AddSingleton<TextExtractionService>();
        services.AddSingleton<ArchiveExpander>();
        return services;
    }
}
