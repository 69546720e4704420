using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// What grouping and facet counting read for every matching passage (its document id's ordinal, department, file
/// type, year, date and indicators), read from a segment's doc values once into plain arrays and kept while the
/// segment lives: a query then reads an array per hit instead of decoding packed doc values through the
/// directory. About 32 bytes a passage. Ordinals are the segment's own, as its doc values give them.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    public const int None = -1;

    private SegmentValues(AtomicReader reader)
    {
        var max = reader.MaxDoc;
        Ids = Ordinals(reader.GetSortedDocValues(IndexFields.DocumentId), max);
        Departments = Ordinals(reader.GetSortedDocValues(IndexFields.Department), max);
        FileTypes = Ordinals(reader.GetSortedDocValues(IndexFields.FileType), max);
        Years = Ordinals(reader.GetSortedDocValues(IndexFields.Year), max);
        Dates = new long[max];
        if (reader.GetNumericDocValues(IndexFields.Date) is { } dates)
        {
            for (var doc = 0; doc < max; doc++)
            {
                Dates[doc] = dates.Get(doc);
            }
        }
        IndicatorStarts = new int[max + 1];
        var indicators = reader.GetSortedSetDocValues(IndexFields.Indicator);
        var ords = new List<int>();
        for (var doc = 0; doc < max; doc++)
        {
            IndicatorStarts[doc] = ords.Count;
            if (indicators is null)
            {
                continue;
            }
            indicators.SetDocument(doc);
            for (var ord = indicators.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = indicators.NextOrd())
            {
                ords.Add((int)ord);
            }
        }
        IndicatorStarts[max] = ords.Count;
        IndicatorOrds = [.. ords];
    }

    /// <summary>The values of a segment, read on first use.</summary>
    public static SegmentValues Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    public int[] Ids { get; }

    public int[] Departments { get; }

    public int[] FileTypes { get; }

    public int[] Years { get; }

    /// <summary>yyyyMMdd, 0 when undated.</summary>
    public long[] Dates { get; }

    /// <summary>A passage's indicator ordinals are IndicatorOrds[IndicatorStarts[doc] .. IndicatorStarts[doc + 1]].</summary>
    public int[] IndicatorStarts { get; }

    public int[] IndicatorOrds { get; }

    private static int[] Ordinals(SortedDocValues? values, int max)
    {
        var ords = new int[max];
        for (var doc = 0; doc < max; doc++)
        {
            ords[doc] = values?.GetOrd(doc) ?? None;
        }
        return ords;
    }
}
