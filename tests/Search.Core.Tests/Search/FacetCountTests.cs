using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Search;

namespace Search.Core.Tests.Search;

/// <summary>Grouping and facets read per-passage values from arrays kept per segment: they must count as the documents say, across segments and replacements.</summary>
public sealed class FacetCountTests
{
    [Fact]
    public async Task Facets_CountEachMatchingDocumentOnce_AcrossSegmentsAndReplacedDocuments()
    {
        using var index = new LuceneEvidenceIndex(new RAMDirectory());
        string[] departments = ["区司法局", "区财政局", "区市场监管分局"];
        string[] types = ["pdf", "docx"];
        var expected = new Dictionary<string, (string Department, string Type, int Year, int[] Indicators, bool Matches)>();
        for (var d = 0; d < 30; d++)
        {
            var id = $"d{d:D2}";
            var matches = d % 3 != 2;
            var indicators = Enumerable.Range(0, d % 4).Select(i => 1 + (d + i) % 5).ToArray();
            var document = (departments[d % 3], types[d % 2], 2020 + d % 4, indicators, matches);
            expected[id] = document;
            await Add(index, id, document);
            if (d % 7 == 6)
            {
                // A commit between documents: several segments, and the searcher reopened over them.
                await index.CommitAsync(CancellationToken.None);
                await index.RefreshAsync(CancellationToken.None);
                index.Search(new SearchRequest { Query = "复议" });
            }
        }
        // Replaced documents leave deleted passages behind in their old segment.
        foreach (var id in new[] { "d03", "d10" })
        {
            var old = expected[id];
            expected[id] = (old.Department, "xlsx", 2019, [9], old.Matches);
            await Add(index, id, expected[id]);
        }

        var results = index.Search(new SearchRequest { Query = "复议", Size = 100 });

        var matching = expected.Where(e => e.Value.Matches).ToList();
        Assert.Equal(matching.Select(e => e.Key).Order(), results.Hits.Select(h => h.DocumentId).Order());
        Assert.Equal(Count(matching.Select(e => e.Value.Department)), results.Facets.Department.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal(Count(matching.Select(e => e.Value.Type)), results.Facets.FileType.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal(Count(matching.Select(e => e.Value.Year.ToString())), results.Facets.Year.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal(Count(matching.SelectMany(e => e.Value.Indicators.Select(n => $"shapotou-2023:{n}"))), results.Facets.Indicator.ToDictionary(f => f.Value, f => f.Count));
        Assert.All(results.Hits, h => Assert.Equal(3, h.MatchingPassages));
    }

    private static Dictionary<string, int> Count(IEnumerable<string> values) => values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static Task Add(LuceneEvidenceIndex index, string id, (string Department, string Type, int Year, int[] Indicators, bool Matches) d) =>
        index.ReplaceDocumentAsync(id, Enumerable.Range(0, 4).Select(o => new IndexedPassage
        {
            DocumentId = id,
            Ordinal = o,
            Text = d.Matches && o < 3 ? $"第{o + 1}段：区政府办理行政复议案件。" : $"第{o + 1}段：开展普法宣传。",
            Title = "文件" + id,
            FileName = id + "." + d.Type,
            Department = d.Department,
            Date = new DateOnly(d.Year, 3, 1),
            FileType = d.Type,
            Indicators = d.Indicators.Select(n => new IndicatorRef("shapotou-2023", n, 0.5)).ToList(),
        }).ToList(), CancellationToken.None);
}
