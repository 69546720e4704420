using Lucene.Net.Search;

namespace Search.Core.Search;

/// <summary>
/// Runs a query over every segment of an index, segments in parallel, each into a collector of its own, and
/// merges them: a document's passages are one block in one segment, so groups never span collectors.
/// </summary>
public static class SegmentSearch
{
    /// <summary>Segments searched at once: the cores of the machine.</summary>
    public static int Parallelism { get; set; } = Environment.ProcessorCount;

    public static DocumentGroups Collect(IndexSearcher searcher, Query query)
    {
        var leaves = searcher.IndexReader.Leaves;
        if (leaves.Count <= 1 || Parallelism <= 1)
        {
            var single = new DocumentGroupCollector();
            searcher.Search(query, single);
            return DocumentGroups.Of([single]);
        }
        // One weight for all segments (what IndexSearcher does with an executor), a collector per segment.
        var weight = searcher.CreateNormalizedWeight(query);
        var collectors = new DocumentGroupCollector[leaves.Count];
        Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, i =>
        {
            var leaf = leaves[i];
            var collector = collectors[i] = new DocumentGroupCollector();
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
        });
        return DocumentGroups.Of(collectors);
    }
}

/// <summary>The documents a query matched, with their facet counts, gathered from one or more collectors.</summary>
public sealed record DocumentGroups(
    IReadOnlyList<DocumentGroup> Groups,
    IReadOnlyDictionary<string, int> Departments,
    IReadOnlyDictionary<string, int> FileTypes,
    IReadOnlyDictionary<string, int> Years,
    IReadOnlyDictionary<string, int> Indicators)
{
    public static DocumentGroups Of(IReadOnlyList<DocumentGroupCollector> collectors)
    {
        if (collectors.Count == 1)
        {
            var c = collectors[0];
            return new(c.Groups, c.DepartmentCounts, c.FileTypeCounts, c.YearCounts, c.IndicatorCounts);
        }
        static Dictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> counts)
        {
            var total = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, value) in counts.SelectMany(c => c))
            {
                total[key] = total.GetValueOrDefault(key) + value;
            }
            return total;
        }
        return new(
            collectors.SelectMany(c => c.Groups).ToList(),
            Sum(collectors.Select(c => c.DepartmentCounts)),
            Sum(collectors.Select(c => c.FileTypeCounts)),
            Sum(collectors.Select(c => c.YearCounts)),
            Sum(collectors.Select(c => c.IndicatorCounts)));
    }
}
