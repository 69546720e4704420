using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core;
using Search.Core.Configuration;
using Search.Core.Ingestion;

namespace Search.Cli.Commands;

/// <summary>
/// `bench ingest`: builds DOCX and text files from the corpus text (and PDFs and a scanned page when
/// LibreOffice and Tesseract are installed), ingests them into a temp data directory through the real
/// pipeline, and compares characters per second with the raw SmartCn analyzer on the same text.
/// </summary>
public static class IngestBenchmarkRunner
{
    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var count = context.Arguments.Value(BenchCommand.Files);
        var corpus = context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory() ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found");
        var paragraphs = Directory.EnumerateFiles(Path.Combine(corpus, "policy"), "*.txt")
            .SelectMany(f => File.ReadAllLines(f)).Select(l => l.Trim()).Where(l => l.Length >= 20).ToArray();
        var root = Path.Combine(Path.GetTempPath(), "search-bench-ingest-" + Guid.NewGuid().ToString("N"));
        var inputs = Path.Combine(root, "in");
        Directory.CreateDirectory(inputs);
        try
        {
            var random = new Random(7);
            var texts = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var text = Enumerable.Range(0, 40).Select(_ => paragraphs[random.Next(paragraphs.Length)]).ToList();
                texts.Add(string.Join("\n", text));
                if (i % 2 == 0)
                {
                    WriteDocx(Path.Combine(inputs, $"bench-{i:D3}.docx"), text);
                }
                else
                {
                    await File.WriteAllLinesAsync(Path.Combine(inputs, $"bench-{i:D3}.txt"), text, cancellationToken);
                }
            }

            await using var services = BuildServices(Path.Combine(root, "data"));
            var ingestion = services.GetRequiredService<IngestionService>();
            // Warm up once (dictionaries, framework profiles, JIT), outside the timing.
            var warmup = Path.Combine(root, "warmup.txt");
            await File.WriteAllTextAsync(warmup, "行政复议决定书公开。", cancellationToken);
            await ingestion.RunNowAsync([new JobFile(warmup, "warmup.txt", null)], "bench", null, cancellationToken);

            var files = Directory.EnumerateFiles(inputs).Order().Select(f => new JobFile(f, Path.GetFileName(f), "基准测试")).ToList();
            var clock = Stopwatch.StartNew();
            var job = await ingestion.RunNowAsync(files, "bench", null, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var characters = texts.Sum(t => t.Length);

            // The raw analyzer over exactly the same text, in the same run.
            using var analyzer = new SmartChineseAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
            clock.Restart();
            var tokens = 0;
            foreach (var text in texts)
            {
                using var stream = analyzer.GetTokenStream("f", text);
                stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    tokens++;
                }
                stream.End();
            }
            var rawSeconds = clock.Elapsed.TotalSeconds;
            var ours = characters / seconds;
            var raw = characters / rawSeconds;
            return new
            {
                files = files.Count,
                failed = job.Failed,
                characters,
                seconds = Math.Round(seconds, 2),
                filesPerSecond = Math.Round(files.Count / seconds, 2),
                charsPerSecond = Math.Round(ours),
                rawAnalyzerCharsPerSecond = Math.Round(raw),
                ratio = Math.Round(ours / raw, 3),
                note = "ours = store + extract + split + match against every framework + index (two analysed fields) + SQLite; raw = SmartCn tokenising the same text once",
            };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ServiceProvider BuildServices(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:DataDirectory"] = dataDirectory,
            ["Search:IngestCorpusOnFirstStart"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSearchCore(configuration);
        return services.BuildServiceProvider();
    }

    private static void WriteDocx(string path, IEnumerable<string> paragraphs)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        main.Document.Save();
    }
}
