using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Search.Core;
using Search.Core.Extraction;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Search.Cli;

/// <summary>What the benchmarks and drills build their runs from: services over a data directory of their own, scanned PDFs.</summary>
internal static class BenchFiles
{
    /// <summary>The core services over <paramref name="dataDirectory"/>, without the built-in corpus ingested, logging warnings only.</summary>
    public static ServiceProvider Services(string dataDirectory, string? corpus = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Search:DataDirectory"] = dataDirectory,
            ["Search:IngestCorpusOnFirstStart"] = "false",
        };
        if (corpus is not null)
        {
            settings["Search:CorpusDirectory"] = corpus;
        }
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // Settings from the environment (Search__Extraction__OcrPagesAtOnce=1) apply as they do to the service; the data directory stays the run's own.
        services.AddSearchCore(new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A text PDF printed and scanned back: its pages rendered by pdftoppm (poppler-utils) at <paramref name="dpi"/> and
    /// wrapped, one image per A4 page, in <paramref name="target"/>, a PDF with no text layer. False when pdftoppm is missing or fails.
    /// </summary>
    public static async Task<bool> WriteScanAsync(string textPdf, string target, int dpi, CancellationToken cancellationToken)
    {
        var pages = Directory.CreateTempSubdirectory("search-scan-").FullName;
        try
        {
            try
            {
                await ExternalTool.RunAsync("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", textPdf, Path.Combine(pages, "page")],
                    "poppler-utils", TimeSpan.FromMinutes(2), cancellationToken);
            }
            catch (ExtractionException)
            {
                return false;
            }
            var builder = new PdfDocumentBuilder();
            foreach (var png in Directory.GetFiles(pages, "*.png").Order(StringComparer.Ordinal))
            {
                builder.AddPage(PageSize.A4).AddPng(await File.ReadAllBytesAsync(png, cancellationToken), new PdfRectangle(0, 0, 595, 842));
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            await File.WriteAllBytesAsync(target, builder.Build(), cancellationToken);
            return true;
        }
        finally
        {
            Directory.Delete(pages, recursive: true);
        }
    }
}
