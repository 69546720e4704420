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
        List<List<string>> Texts(int seed, int files)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, files).Select(_ => Enumerable.Range(0, 40).Select(_ => paragraphs[random.Next(paragraphs.Length)]).ToList()).ToList();
        }
        var texts = Texts(7, count);
        // Files of other text that warm the pipeline up before it is timed: a short run is otherwise timed mostly in the
        // runtime's first, unoptimised code (300 text files measured 0.21–0.24 of raw cold, 0.25–0.28 warm).
        var warmTexts = Texts(11, Math.Min(count, WarmUpFiles));
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
                var warmFolder = Path.Combine(root, format + "-warm");
                Directory.CreateDirectory(warmFolder);
                var warmFiles = await WriteAsync(format, warmFolder, format == "scan" ? warmTexts.Take(1).ToList() : warmTexts, cancellationToken);
                if (files.Count == 0)
                {
                    await context.Error.WriteLineAsync($"skipped {format}: its files could not be made here (LibreOffice or poppler-utils missing?)");
                    continue;
                }
                results.Add(await MeasureAsync(format, files, warmFiles, texts, Path.Combine(root, format + "-data"), cancellationToken));
            }
            var text = results.FirstOrDefault(r => r.Format == "text");
            return new
            {
                workers = new IngestionOptions().ResolvedWorkers,
                charsPerSecond = text?.CharsPerSecond,
                rawAnalyzerCharsPerSecond = text?.RawPerSecond,
                ratio = text?.Ratio,
                formats = results,
                peakMemoryMegabytes = results.Count == 0 ? 0 : results.Max(r => r.PeakMemoryMegabytes),
                processPeakMemoryMegabytes = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024, 1),
                note = "ours = store + extract + split + match against every framework + store passages and matches + index commit, one worker per core, timed after up to 100 files of other text (1 for scan) went through untimed; raw = the engine alone on the same files, single-threaded (SmartCn tokenising the text once for text and docx, PdfPig reading the pages for pdf, the OCR engine with one thread reading the pages rendered as ingestion renders them for scan), run before and after the pipeline (3 passes each side, 1 for scan) and taken at the median; ratio = ours / raw, per second; millisecondsPerFile = time in each stage summed over the workers and the projector, per file; peakMemoryMegabytes = the largest working set sampled while the pipeline ran",
            };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Most files ingested, untimed, before a format's timed run.</summary>
    private const int WarmUpFiles = 100;

    /// <summary>What one format measured: our pipeline and the raw engine, per second.</summary>
    public sealed record FormatFigures(string Format, int Files, int Failed, int Pages, long Characters, double Seconds, double FilesPerSecond, double PagesPerSecond,
        double CharsPerSecond, string RawEngine, double RawPerSecond, string RawUnit, double Ratio, IReadOnlyDictionary<string, double> MillisecondsPerFile)
    {
        /// <summary>The raw engine's rate in each pass, before and after the pipeline; <see cref="RawPerSecond"/> is their median.</summary>
        public IReadOnlyList<double> RawPasses { get; init; } = [];

        /// <summary>The process's largest working set while the pipeline ran.</summary>
        public double PeakMemoryMegabytes { get; init; }

        /// <summary>Time the pipeline's threads stood still for the garbage collector while it ran.</summary>
        public double GcPauseSeconds { get; init; }

        /// <summary>Garbage collections (of any generation) while the pipeline ran.</summary>
        public int Collections { get; init; }

        /// <summary>Processor time the process spent on the pipeline, all threads.</summary>
        public double CpuSeconds { get; init; }

        /// <summary>
        /// Work per processor second, ours over the raw engine's: what the pipeline costs beside the engine, whatever
        /// else the machine runs (on an idle machine with every core busy, the ratio is about this times the cores used).
        /// </summary>
        public double CpuRatio { get; init; }
    }

    /// <summary>Sums the ingestion stage timings (<see cref="IngestionStages"/>) recorded while it listens.</summary>
    private sealed class StageListener : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);

        public StageListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IngestionStages.MeterName && instrument.Name == IngestionStages.InstrumentName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                var stage = "";
                foreach (var tag in tags)
                {
                    if (tag.Key == "stage")
                    {
                        stage = tag.Value as string ?? "";
                    }
                }
                lock (_sums)
                {
                    _sums[stage] = _sums.GetValueOrDefault(stage) + value;
                }
            });
            _listener.Start();
        }

        /// <summary>Milliseconds per file in each stage, summed over every worker (so they can add up to more than the run's time).</summary>
        public IReadOnlyDictionary<string, double> PerFile(int files)
        {
            lock (_sums)
            {
                return _sums.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value / files, 1), StringComparer.Ordinal);
            }
        }

        public void Dispose() => _listener.Dispose();
    }

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
        // Text PDFs as a county makes them: a Word file printed to PDF (one LibreOffice process per hundred files:
        // given 400 at once, LibreOffice 7.4 stops after 248 without a word).
        try
        {
            foreach (var chunk in paths.Chunk(100))
            {
                using var soffice = Process.Start(new ProcessStartInfo("soffice", ["--headless", "--convert-to", "pdf", "--outdir", folder, .. chunk]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
                await soffice.WaitForExitAsync(cancellationToken);
            }
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

    private static async Task<FormatFigures> MeasureAsync(string format, IReadOnlyList<string> files, IReadOnlyList<string> warmFiles, IReadOnlyList<List<string>> texts, string data, CancellationToken cancellationToken)
    {
        await using var services = BenchFiles.Services(data);
        var ingestion = services.GetRequiredService<IngestionService>();
        // Warm up (dictionaries, framework profiles, the runtime's optimised code) on files of other text, outside the timing.
        await ingestion.RunNowAsync(warmFiles.Select(f => new JobFile(f, Path.GetFileName(f), "预热")).ToList(), "bench", null, cancellationToken);

        // The raw engine runs on the same files just before and just after the pipeline, and its rate is the median
        // of those passes: on a shared machine the load changes during a run, and both sides should see the same.
        var passes = format == "scan" ? 1 : 3;
        var rawRates = new List<double>();
        var rawCpuRates = new List<double>();
        RawFigures rawFigures = default;
        for (var i = 0; i < passes; i++)
        {
            rawFigures = await RawAsync(format, files, texts, services, data, cancellationToken);
            rawRates.Add(rawFigures.Rate);
            rawCpuRates.Add(rawFigures.CpuRate);
        }

        using var stages = new StageListener();
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(sampling.Token);
        var cpu = Cpu();
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        var job = await ingestion.RunNowAsync(files.Select(f => new JobFile(f, Path.GetFileName(f), "基准测试")).ToList(), "bench", null, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Cpu() - cpu).TotalSeconds;
        var gcPause = (GC.GetTotalPauseDuration() - paused).TotalSeconds;
        collections = GC.CollectionCount(0) - collections;
        await sampling.CancelAsync();
        var peakBytes = await peak;
        var perFile = stages.PerFile(files.Count);
        stages.Dispose();

        for (var i = 0; i < passes; i++)
        {
            var after = await RawAsync(format, files, texts, services, data, cancellationToken);
            rawRates.Add(after.Rate);
            rawCpuRates.Add(after.CpuRate);
        }
        var raw = rawRates.Order().ElementAt(rawRates.Count / 2);
        var (characters, pages, engine, unit) = (rawFigures.Characters, rawFigures.Pages, rawFigures.Engine, rawFigures.Unit);
        var units = format is "pdf" or "scan" ? pages : characters;
        var ours = units / seconds;
        var rawCpu = rawCpuRates.Order().ElementAt(rawCpuRates.Count / 2);
        return new FormatFigures(format, files.Count, job.Failed, pages, characters, Math.Round(seconds, 2), Math.Round(files.Count / seconds, 2), Math.Round(pages / seconds, 2),
            Math.Round(characters / seconds), engine, Math.Round(raw, 2), unit, Math.Round(ours / raw, 3), perFile)
        {
            RawPasses = rawRates.Select(r => Math.Round(r, 2)).ToList(),
            PeakMemoryMegabytes = Math.Round(peakBytes / 1024.0 / 1024, 1),
            CpuSeconds = Math.Round(cpuSeconds, 2),
            GcPauseSeconds = Math.Round(gcPause, 2),
            Collections = collections,
            CpuRatio = Math.Round(units / cpuSeconds / rawCpu, 3),
        };
    }

    /// <summary>The process's largest working set while the pipeline runs, sampled every 50 ms (the raw engines' own memory left out).</summary>
    private static async Task<long> SamplePeakAsync(CancellationToken stop)
    {
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        while (true)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                process.Refresh();
                return Math.Max(peak, process.WorkingSet64);
            }
        }
    }

    private readonly record struct RawFigures(double Rate, long Characters, int Pages, string Engine, string Unit)
    {
        /// <summary>Units per processor second of the process.</summary>
        public double CpuRate { get; init; }
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>One pass of the raw engine alone over the files of a format.</summary>
    private static async Task<RawFigures> RawAsync(string format, IReadOnlyList<string> files, IReadOnlyList<List<string>> texts, ServiceProvider services, string data, CancellationToken cancellationToken)
    {
        var clock = new Stopwatch();
        var cpu = TimeSpan.Zero;
        long characters = 0;
        if (format == "scan")
        {
            // The OCR engine alone, single-threaded, on the pages rendered beforehand as ingestion renders them.
            var options = services.GetRequiredService<IOptions<Search.Core.Extraction.ExtractionOptions>>().Value;
            var images = Path.Combine(data, "pages");
            if (!Directory.Exists(images))
            {
                Directory.CreateDirectory(images);
                foreach (var file in files)
                {
                    using var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", options.OcrDpi.ToString(System.Globalization.CultureInfo.InvariantCulture), file, Path.Combine(images, Path.GetFileNameWithoutExtension(file))]) { UseShellExecute = false })!;
                    await render.WaitForExitAsync(cancellationToken);
                }
            }
            var single = new Search.Core.Extraction.ExtractionOptions
            {
                OcrEngine = options.OcrEngine,
                OcrModelDirectory = options.OcrModelDirectory,
                OcrDetectionMaxSide = options.OcrDetectionMaxSide,
                OcrLanguages = options.OcrLanguages,
                TesseractPath = options.TesseractPath,
                OcrThreads = 1,
                OcrPagesAtOnce = 1,
            };
            using var paddle = new Search.Core.Extraction.Ocr.Paddle.PaddleOcrEngine(Options.Create(single));
            var tesseract = new Search.Core.Extraction.Ocr.TesseractOcrEngine(Options.Create(single));
            var ocr = new Search.Core.Extraction.Ocr.PageOcr(paddle, tesseract, Options.Create(single), Microsoft.Extensions.Logging.Abstractions.NullLogger<Search.Core.Extraction.Ocr.PageOcr>.Instance);
            var pageImages = Directory.GetFiles(images, "*.ppm");
            // One untimed page: the models load on first use.
            await ocr.ReadAsync(pageImages[0], cancellationToken);
            clock.Start();
            cpu = Cpu();
            foreach (var image in pageImages)
            {
                characters += (await ocr.ReadAsync(image, cancellationToken)).Page.Text.Length;
            }
            return new(pageImages.Length / clock.Elapsed.TotalSeconds, characters, pageImages.Length, $"OCR engine ({options.OcrEngine}) single-threaded on rendered pages", "pages/s")
            {
                CpuRate = pageImages.Length / (Cpu() - cpu).TotalSeconds,
            };
        }
        if (format == "pdf")
        {
            // PdfPig reading every page's text, nothing else.
            var pages = 0;
            clock.Start();
            cpu = Cpu();
            foreach (var file in files)
            {
                using var pdf = PdfDocument.Open(file);
                foreach (var page in pdf.GetPages())
                {
                    characters += page.Text.Length;
                    pages++;
                }
            }
            return new(pages / clock.Elapsed.TotalSeconds, characters, pages, "PdfPig pages", "pages/s") { CpuRate = pages / (Cpu() - cpu).TotalSeconds };
        }
        // SmartCn tokenising the text once, single-threaded.
        var all = texts.Select(t => string.Join("\n", t)).ToList();
        characters = all.Sum(t => (long)t.Length);
        using var analyzer = new SmartChineseAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
        clock.Start();
        cpu = Cpu();
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
        return new(characters / clock.Elapsed.TotalSeconds, characters, files.Count, "SmartCn tokenising once", "chars/s") { CpuRate = characters / (Cpu() - cpu).TotalSeconds };
    }

    private static void WriteDocx(string path, IEnumerable<string> paragraphs)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        main.Document.Save();
    }
}
