using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Indexing;
using Search.Core.Search;

namespace Search.Cli.Commands;

/// <summary>
/// `bench search`: builds an index of synthesised passages from the corpus text in a temp folder, runs a
/// fixed query mix through our search and, in the same run, through a raw Lucene IndexSearcher with the
/// same Lucene query (and with plain SmartCn words), and reports latency percentiles, throughput, the
/// ratio and whether the targets (p99 under 50 ms, at most 1.5× the same query in raw Lucene) are met.
/// </summary>
public static class SearchBenchmarkRunner
{
    private static readonly string[] Departments = ["区司法局", "区市场监管分局", "区政务服务中心", "区发改局", "区委编办", "区财政局", "区人社局", "区应急管理局"];
    private static readonly string[] Types = ["pdf", "docx", "xlsx", "image", "html"];

    private static readonly SearchRequest[] Mix =
    [
        new() { Query = "行政复议" },
        new() { Query = "权责清单" },
        new() { Query = "公平竞争审查" },
        new() { Query = "\"重大行政决策\"" },
        new() { Query = "双随机一公开" },
        new() { Query = "复议", Department = "区司法局" },
        new() { Query = "政务服务", Year = 2022 },
        new() { Query = "行政执法 公示" },
        new() { Query = "规范性文件 合法性审核" },
        new() { Query = "法律顾问", FileType = "pdf" },
        new() { Query = "营商环境", Indicator = 12, Framework = "shapotou-2023" },
        new() { Query = "年度报告 -应急" },
    ];

    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var target = context.Arguments.Value(BenchCommand.Passages);
        // 50 rounds of 12 queries: 600 samples a side, so p99 is not decided by two or three pauses on a shared machine.
        var rounds = context.Arguments.Value(BenchCommand.Queries);
        var corpus = context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory() ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found");
        var sentences = Directory.EnumerateFiles(Path.Combine(corpus, "policy"), "*.txt")
            .SelectMany(f => File.ReadAllText(f).Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length >= 8)
            .ToArray();
        // --index DIR keeps the index (a million passages take many minutes to build) and reuses it when it was built with the same count.
        var kept = context.Arguments.Value(BenchCommand.Index);
        var folder = kept is null ? Path.Combine(Path.GetTempPath(), "search-bench-" + Guid.NewGuid().ToString("N")) : Path.GetFullPath(kept);
        var marker = Path.Combine(folder, "bench-passages.txt");
        var reuse = kept is not null && File.Exists(marker) && File.ReadAllText(marker).Trim() == target.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (kept is not null && !reuse && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        try
        {
            using var index = new LuceneEvidenceIndex(folder, context.Get<Vocabulary>());
            var random = new Random(20231128);
            var build = Stopwatch.StartNew();
            var perDocument = 20;
            var batch = new List<(string, IReadOnlyList<IndexedPassage>)>();
            for (var d = 0; !reuse && d * perDocument < target; d++)
            {
                var id = $"bench{d:D6}";
                var date = new DateOnly(2019 + random.Next(5), 1 + random.Next(12), 1 + random.Next(28));
                var department = Departments[random.Next(Departments.Length)];
                var type = Types[random.Next(Types.Length)];
                var indicators = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new IndicatorRef("shapotou-2023", 1 + random.Next(100), Math.Round(random.NextDouble(), 3))).DistinctBy(i => i.Number).ToList();
                var passages = Enumerable.Range(0, perDocument).Select(o => new IndexedPassage
                {
                    DocumentId = id,
                    Ordinal = o,
                    Text = string.Join("。", Enumerable.Range(0, 3 + random.Next(4)).Select(_ => sentences[random.Next(sentences.Length)])) + "。",
                    Page = 1 + o / 4,
                    Title = sentences[random.Next(sentences.Length)],
                    FileName = id + "." + type,
                    Department = department,
                    Date = date,
                    FileType = type,
                    Indicators = indicators,
                }).ToList();
                batch.Add((id, passages));
                if (batch.Count == 500)
                {
                    await index.ReplaceDocumentsAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }
            await index.ReplaceDocumentsAsync(batch, cancellationToken);
            await index.RefreshAsync(cancellationToken);
            build.Stop();
            // Merges still running after the last batch would slow whichever side is measured first.
            await index.WaitForMergesAsync(cancellationToken);
            var passagesBuilt = index.PassageCount;
            if (kept is not null)
            {
                await File.WriteAllTextAsync(marker, target.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            }

            using var reader = DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(folder));
            var searcher = new IndexSearcher(reader);
            var sameQueries = Mix.Select(index.BuildQuery).ToList();
            var rawQueries = Mix.Select(q => RawQuery(index, q)).ToList();

            // Warm up every path until the JIT has settled (tiered compilation recompiles hot methods after a delay).
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
            {
                for (var k = 0; k < Mix.Length; k++)
                {
                    index.Search(Mix[k]);
                    searcher.Search(sameQueries[k], 20);
                    searcher.Search(rawQueries[k], 20);
                }
            }

            // Interleaved, query by query: ours, then the same Lucene query through IndexSearcher, then plain
            // words, so that other load on the machine falls on all three alike.
            var ours = new List<double>();
            var same = new List<double>();
            var raw = new List<double>();
            var perQuery = Mix.Select(_ => new List<double>()).ToArray();
            for (var r = 0; r < rounds; r++)
            {
                for (var k = 0; k < Mix.Length; k++)
                {
                    var sw = Stopwatch.StartNew();
                    index.Search(Mix[k]);
                    var ms = sw.Elapsed.TotalMilliseconds;
                    ours.Add(ms);
                    perQuery[k].Add(ms);
                    sw.Restart();
                    searcher.Search(sameQueries[k], 20);
                    same.Add(sw.Elapsed.TotalMilliseconds);
                    sw.Restart();
                    searcher.Search(rawQueries[k], 20);
                    raw.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
            var size = new DirectoryInfo(folder).EnumerateFiles().Where(f => f.Name != "bench-passages.txt").Sum(f => f.Length);
            var p99 = Percentile(ours, 0.99);
            var overheadP50 = Math.Round(Percentile(ours, 0.5) / Math.Max(0.001, Percentile(same, 0.5)), 2);
            var overheadP99 = Math.Round(p99 / Math.Max(0.001, Percentile(same, 0.99)), 2);
            return new
            {
                passages = passagesBuilt,
                buildSeconds = reuse ? (double?)null : Math.Round(build.Elapsed.TotalSeconds, 1),
                reusedIndex = reuse ? folder : null,
                indexMegabytes = Math.Round(size / 1024.0 / 1024, 1),
                queries = ours.Count,
                p50Ms = Percentile(ours, 0.50),
                p99Ms = p99,
                qps = Qps(ours),
                sameQueryRawP50Ms = Percentile(same, 0.50),
                sameQueryRawP99Ms = Percentile(same, 0.99),
                sameQueryRawQps = Qps(same),
                overheadP50,
                overheadP99,
                rawP50Ms = Percentile(raw, 0.50),
                rawP99Ms = Percentile(raw, 0.99),
                rawQps = Qps(raw),
                ratioToPlainWordsP50 = Math.Round(Percentile(ours, 0.5) / Math.Max(0.001, Percentile(raw, 0.5)), 2),
                targetP99Under50Ms = p99 < 50 ? "met" : "missed",
                targetOverheadAtMost1_5x = overheadP50 <= 1.5 && overheadP99 <= 1.5 ? "met" : "missed",
                slowestQueries = Mix.Select((q, k) => $"{Percentile(perQuery[k], 0.5),7:F2} ms  {q.Query}{(q.Department is null ? "" : " department=" + q.Department)}{(q.Year is null ? "" : " year=" + q.Year)}{(q.FileType is null ? "" : " type=" + q.FileType)}{(q.Indicator is null ? "" : " indicator=" + q.Indicator)}")
                    .OrderByDescending(x => x, StringComparer.Ordinal).Take(4).ToList(),
                note = "sameQueryRaw = IndexSearcher top-20 running our own Lucene query (both fields, synonyms, filters); overhead = ours / sameQueryRaw (grouping by document, exact totals, facets, stored fields, highlighting); raw = IndexSearcher top-20 with SmartCn words on the text field only, for reference; the three run interleaved per query on a merged, committed index after a 3 s warm-up; qps = queries / summed latency",
            };
        }
        finally
        {
            if (kept is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The plain Lucene equivalent: the query words as SmartCn phrases on the text field, filters as required terms.</summary>
    private static Query RawQuery(LuceneEvidenceIndex index, SearchRequest request)
    {
        var query = new BooleanQuery();
        foreach (var word in request.Query.Replace("\"", "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = word.StartsWith('-');
            var phrase = new PhraseQuery();
            using var stream = index.Analyzer.GetTokenStream(IndexFields.Text, negate ? word[1..] : word);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                phrase.Add(new Term(IndexFields.Text, term.ToString()));
            }
            stream.End();
            query.Add(phrase, negate ? Occur.MUST_NOT : Occur.MUST);
        }
        if (request.Department is { } department)
        {
            query.Add(new TermQuery(new Term(IndexFields.Department, department)), Occur.MUST);
        }
        if (request.FileType is { } type)
        {
            query.Add(new TermQuery(new Term(IndexFields.FileType, type)), Occur.MUST);
        }
        if (request.Year is { } year)
        {
            query.Add(NumericRangeQuery.NewInt32Range(IndexFields.Year, year, year, true, true), Occur.MUST);
        }
        if (request.Indicator is { } n)
        {
            query.Add(new TermQuery(new Term(IndexFields.Indicator, PassageDocumentMapper.IndicatorKey(request.Framework!, n))), Occur.MUST);
        }
        return query;
    }

    private static double Qps(List<double> milliseconds) => Math.Round(milliseconds.Count / Math.Max(0.001, milliseconds.Sum() / 1000), 1);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
    }
}
