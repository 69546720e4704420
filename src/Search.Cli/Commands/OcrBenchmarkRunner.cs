using System.Diagnostics;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Extraction.Ocr;
using Search.Core.Extraction.Ocr.Paddle;
using Search.Core.WebChecks;

namespace Search.Cli.Commands;

/// <summary>
/// `bench ocr`: builds page images from real Chinese notices (<see cref="OcrBenchmarkPages"/>), reads every
/// page with PP-OCR and with Tesseract in the same run (interleaved, so both see the same machine load),
/// and reports each engine's character error rate and pages per second, overall, per variant and per split.
/// </summary>
public static class OcrBenchmarkRunner
{
    public static async Task<OcrBenchmarkReport> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var corpus = context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory() ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found");
        var sourceCount = Math.Clamp(args.Value(BenchCommand.Sources), 1, 8);
        var skip = Math.Clamp(args.Value(BenchCommand.Skip), 0, sourceCount - 1);
        var variants = args.Value(BenchCommand.Variants) is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : OcrBenchmarkPages.Variants;
        var unknown = variants.Except(OcrBenchmarkPages.Variants).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown variant '{unknown[0]}': use {string.Join(", ", OcrBenchmarkPages.Variants)}.");
        }
        var chromium = args.Value(BenchCommand.Chromium) ?? context.Get<IOptions<WebCheckOptions>>().Value.ChromiumPath ?? "chromium";
        var keep = args.Value(BenchCommand.Keep);

        var folder = keep ?? Path.Combine(Path.GetTempPath(), "search-bench-ocr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var builder = new OcrBenchmarkPages(folder, chromium, TimeSpan.FromSeconds(120));
            var pages = new List<OcrBenchmarkPage>();
            var sources = OcrBenchmarkSources.Load(corpus, sourceCount).Skip(skip).ToList();
            for (var i = 0; i < sources.Count; i++)
            {
                pages.AddRange(await builder.BuildAsync(sources[i], skip + i, variants, cancellationToken));
            }

            IOcrEngine[] engines = [context.Get<PaddleOcrEngine>(), context.Get<TesseractOcrEngine>()];
            // Load models and warm up outside the timing.
            foreach (var engine in engines)
            {
                await engine.RecognizeAsync(pages[0].ImagePath, cancellationToken);
            }
            var results = new List<PageResult>();
            for (var p = 0; p < pages.Count; p++)
            {
                // Alternate which engine goes first, so neither always meets a warmer cache.
                foreach (var engine in p % 2 == 0 ? engines : engines.Reverse())
                {
                    var clock = Stopwatch.StartNew();
                    var read = await engine.RecognizeAsync(pages[p].ImagePath, cancellationToken);
                    var seconds = clock.Elapsed.TotalSeconds;
                    results.Add(new PageResult(engine.Name, pages[p], CharacterErrorRate.Of(pages[p].Truth, read.Text), seconds, read.Rotation));
                    if (keep is not null)
                    {
                        await File.WriteAllTextAsync(Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(pages[p].ImagePath)}.{engine.Name}.txt"), read.Text, cancellationToken);
                    }
                }
            }
            return Summarise(results, pages.Count);
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static OcrBenchmarkReport Summarise(List<PageResult> results, int pages)
    {
        var engines = results.GroupBy(r => r.Engine).Select(g => new OcrEngineFigures(
            g.Key,
            Round(g.Average(r => r.Cer)),
            Round(g.Count() / g.Sum(r => r.Seconds)),
            SplitCer(g, "held-out"),
            SplitCer(g, "tune"),
            g.GroupBy(r => VariantGroup(r.Page.Variant)).ToDictionary(v => v.Key, v => new OcrVariantFigures(
                v.Count(), Round(v.Average(r => r.Cer)), Round(v.Count() / v.Sum(r => r.Seconds)))))).ToList();
        var paddle = engines.Single(e => e.Name == "paddle");
        var tesseract = engines.Single(e => e.Name == "tesseract");
        return new OcrBenchmarkReport(
            pages,
            engines,
            Round(paddle.Cer / Math.Max(tesseract.Cer, 1e-9)),
            Round(paddle.PagesPerSecond / Math.Max(tesseract.PagesPerSecond, 1e-9)),
            paddle.Cer <= tesseract.Cer / 3 && paddle.PagesPerSecond >= tesseract.PagesPerSecond,
            results.Where(r => r.Engine == "paddle").OrderByDescending(r => r.Cer).Take(3)
                .Select(r => $"{r.Page.Source}/{r.Page.Variant}: cer {Round(r.Cer)}, rotation {r.Rotation}").ToList());
    }

    /// <summary>Mean CER of one split's pages; null when the run had none of them.</summary>
    private static double? SplitCer(IEnumerable<PageResult> results, string split) =>
        results.Where(r => r.Page.Split == split).Select(r => r.Cer).ToList() is { Count: > 0 } cers ? Round(cers.Average()) : null;

    /// <summary>The three turned variants are reported together as "rotated", each page naming its angle in the worst list.</summary>
    private static string VariantGroup(string variant) => variant.StartsWith("rotated", StringComparison.Ordinal) ? "rotated" : variant;

    private static double Round(double value) => Math.Round(value, 3);

    private sealed record PageResult(string Engine, OcrBenchmarkPage Page, double Cer, double Seconds, int Rotation);
}

/// <summary>What `bench ocr` prints: per engine, CER and pages per second overall, per split and per variant.</summary>
public sealed record OcrBenchmarkReport(int Pages, IReadOnlyList<OcrEngineFigures> Engines, double CerRatio, double SpeedRatio, bool TargetMet, IReadOnlyList<string> WorstPaddlePages)
{
    /// <summary>The figures as a table, one row per variant, the engines side by side.</summary>
    public string ToTable()
    {
        var lines = new List<string> { $"{Pages} 页，每页由两种引擎各识别一次（CER 越低越好）", $"{"",-14}{string.Join("", Engines.Select(e => $"{e.Name + " CER",-16}{e.Name + " 页/秒",-18}"))}" };
        foreach (var variant in Engines[0].Variants.Keys)
        {
            lines.Add($"{variant,-14}{string.Join("", Engines.Select(e => $"{e.Variants[variant].Cer,-16}{e.Variants[variant].PagesPerSecond,-18}"))}");
        }
        lines.Add($"{"all",-14}{string.Join("", Engines.Select(e => $"{e.Cer,-16}{e.PagesPerSecond,-18}"))}");
        lines.Add($"{"held-out",-14}{string.Join("", Engines.Select(e => $"{e.HeldOutCer?.ToString() ?? "-",-34}"))}");
        lines.Add($"PP-OCR ÷ Tesseract: CER {CerRatio}（目标 ≤ 0.333），速度 {SpeedRatio}（目标 ≥ 1）：{(TargetMet ? "达到" : "未达到")}");
        lines.Add($"PP-OCR 最差的页：{string.Join("；", WorstPaddlePages)}");
        return string.Join("\n", lines);
    }
}

public sealed record OcrEngineFigures(string Name, double Cer, double PagesPerSecond, double? HeldOutCer, double? TuneCer, IReadOnlyDictionary<string, OcrVariantFigures> Variants);

public sealed record OcrVariantFigures(int Pages, double Cer, double PagesPerSecond);
