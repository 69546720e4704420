using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Ingestion;
using UglyToad.PdfPig;

namespace Search.Cli.Commands;

/// <summary>
/// `bench ingest`: per format (text, DOCX, text PDF, scanned PDF; PDFs need LibreOffice to be made, scans
/// poppler-utils), builds files from the corpus text, ingests them through the real pipeline with every core's
/// worker into a temp data directory, and in the same run times the raw engine alone on the same files: SmartCn
/// tokenising the text once, PdfPig extracting the pages, or the OCR engine reading the rendered pages. Prints the
/// ratio of each and this process's peak memory.
/// </summary>
public static class IngestBenchmarkRunner
{
    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var count = context.Arguments.Value(BenchCommand.Files);
        var formats = (context.Arguments.Value(BenchCommand.Formats) ?? "text,docx,pdf,scan").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var corpus = context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory() ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found");
        var paragraphs = Directory.EnumerateFiles(Path.Combine(corpus, "policy"), "*.txt")
            .SelectMany(File.ReadAllLines).Select(l => l.Trim()).Where(l => l.Length >= 20).ToArray();
        var random = new Random(7);
        var texts = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 40).Select(_ => paragraphs[random.Next(paragraphs.Length)]).ToList()).ToList();
        var root = Path.Combine(Path.GetTempPath(), "search-bench-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var results = new List<FormatFigures>();
            foreach (var format in formats)
            {
                var folder = Path.Combine(root, format);
                Directory.CreateDirectory(folder);
                // Scans take seconds a page: a few files say enough.
                var files = await WriteAsync(format, folder, format == "scan" ? texts.Take(Math.Min(count, 6)).ToList() : texts, cancellationToken);
                if (files.Count == 0)
                {
                    await context.Error.WriteLineAsync($"skipped {format}: its files could not be made here (LibreOffice or poppler-utils missing?)");
                    continue;
                }
                results.Add(await MeasureAsync(format, files, texts, Path.Combine(root, format + "-data"), cancellationToken));
            }
            var text = results.FirstOrDefault(r => r.Format == "text");
            return new
            {
                workers = new IngestionOptions().ResolvedWorkers,
                charsPerSecond = text?.CharsPerSecond,
                rawAnalyzerCharsPerSecond = text?.RawPerSecond,
                ratio = text?.Ratio,
                formats = results,
                peakMemoryMegabytes = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024, 1),
                note = "ours = store + extract + split + match against every framework + store passages and matches + index commit, one worker per core; raw = the engine alone on the same files (SmartCn tokenising the text once for text and docx, PdfPig reading the pages for pdf, the configured OCR engine reading the pages rendered as ingestion renders them for scan); ratio = ours / raw, per second",
            };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>What one format measured: our pipeline and the raw engine, per second.</summary>
    public sealed record FormatFigures(string Format, int Files, int Failed, int Pages, long Characters, double Seconds, double FilesPerSecond, double PagesPerSecond,
        double CharsPerSecond, string RawEngine, double RawPerSecond, string RawUnit, double Ratio);

    private static async Task<IReadOnlyList<string>> WriteAsync(string format, string folder, IReadOnlyList<List<string>> texts, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var path = Path.Combine(folder, $"bench-{i:D3}.{(format == "text" ? "txt" : "docx")}");
            if (format == "text")
            {
                await File.WriteAllLinesAsync(path, texts[i], cancellationToken);
            }
            else
            {
                WriteDocx(path, texts[i]);
            }
            paths.Add(path);
        }
        if (format is not ("pdf" or "scan"))
        {
            return paths;
        }
        // Text PDFs as a county makes them: a Word file printed to PDF (one LibreOffice process for the lot).
        try
        {
            using var soffice = Process.Start(new ProcessStartInfo("soffice", ["--headless", "--convert-to", "pdf", "--outdir", folder, .. paths]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
            await soffice.WaitForExitAsync(cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
        foreach (var docx in paths)
        {
            File.Delete(docx);
        }
        var pdfs = Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).ToList();
        return format == "scan" ? await ScanAsync(pdfs, cancellationToken) : pdfs;
    }

    /// <summary>Each PDF printed and scanned back: its pages rendered at 150 dpi and wrapped in a PDF with no text layer.</summary>
    private static async Task<IReadOnlyList<string>> ScanAsync(IReadOnlyList<string> pdfs, CancellationToken cancellationToken)
    {
        var scans = new List<string>();
        foreach (var pdf in pdfs)
        {
            var scan = Path.ChangeExtension(pdf, null) + "-scan.pdf";
            if (!await BenchFiles.WriteScanAsync(pdf, scan, 150, cancellationToken))
            {
                return [];
            }
            File.Delete(pdf);
            scans.Add(scan);
        }
        return scans;
    }

    private static async Task<FormatFigures> MeasureAsync(string format, IReadOnlyList<string> files, IReadOnlyList<List<string>> texts, string data, CancellationToken cancellationToken)
    {
        await using var services = BenchFiles.Services(data);
        var ingestion = services.GetRequiredService<IngestionService>();
        // Warm up once (dictionaries, framework profiles, JIT), outside the timing.
        var warmup = Path.Combine(data, "warmup.txt");
        await File.WriteAllTextAsync(warmup, "行政复议决定书公开。", cancellationToken);
        await ingestion.RunNowAsync([new JobFile(warmup, "warmup.txt", null)], "bench", null, cancellationToken);

        var clock = Stopwatch.StartNew();
        var job = await ingestion.RunNowAsync(files.Select(f => new JobFile(f, Path.GetFileName(f), "基准测试")).ToList(), "bench", null, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;

        long characters;
        int pages;
        double raw;
        string engine, unit;
        if (format == "scan")
        {
            // The raw engine: the OCR engine alone on the pages, rendered beforehand as ingestion renders them.
            var options = services.GetRequiredService<IOptions<Search.Core.Extraction.ExtractionOptions>>().Value;
            var images = Path.Combine(data, "pages");
            Directory.CreateDirectory(images);
            foreach (var file in files)
            {
                using var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", options.OcrDpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", file, Path.Combine(images, Path.GetFileNameWithoutExtension(file))]) { UseShellExecute = false })!;
                await render.WaitForExitAsync(cancellationToken);
            }
            var ocr = services.GetRequiredService<Search.Core.Extraction.Ocr.PageOcr>();
            var pageImages = Directory.GetFiles(images, "*.png");
            clock.Restart();
            characters = 0;
            foreach (var image in pageImages)
            {
                characters += (await ocr.ReadAsync(image, cancellationToken)).Page.Text.Length;
            }
            pages = pageImages.Length;
            raw = pages / clock.Elapsed.TotalSeconds;
            (engine, unit) = ($"OCR engine ({options.OcrEngine}) on rendered pages", "pages/s");
        }
        else if (format == "pdf")
        {
            // The raw engine: PdfPig reading every page's text, nothing else.
            clock.Restart();
            characters = 0;
            pages = 0;
            foreach (var file in files)
            {
                using var pdf = PdfDocument.Open(file);
                foreach (var page in pdf.GetPages())
                {
                    characters += page.Text.Length;
                    pages++;
                }
            }
            raw = pages / clock.Elapsed.TotalSeconds;
            (engine, unit) = ("PdfPig pages", "pages/s");
        }
        else
        {
            var all = texts.Select(t => string.Join("\n", t)).ToList();
            characters = all.Sum(t => (long)t.Length);
            pages = files.Count;
            using var analyzer = new SmartChineseAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
            clock.Restart();
            foreach (var text in all)
            {
                using var stream = analyzer.GetTokenStream("f", text);
                stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                }
                stream.End();
            }
            raw = characters / clock.Elapsed.TotalSeconds;
            (engine, unit) = ("SmartCn tokenising once", "chars/s");
        }
        var ours = format is "pdf" or "scan" ? pages / seconds : characters / seconds;
        return new FormatFigures(format, files.Count, job.Failed, pages, characters, Math.Round(seconds, 2), Math.Round(files.Count / seconds, 2), Math.Round(pages / seconds, 2),
            Math.Round(characters / seconds), engine, Math.Round(raw), unit, Math.Round(ours / raw, 3));
    }

    private static void WriteDocx(string path, IEnumerable<string> paragraphs)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        main.Document.Save();
    }
}
