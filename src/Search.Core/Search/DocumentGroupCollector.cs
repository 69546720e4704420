using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// Collects every matching passage, grouped by document: the best passage and its score, the number of
/// matching passages, the date for sorting, and facet counts per document. Everything per hit is read
/// by ordinal in the current segment, from the segment's values held in arrays (<see cref="SegmentValues"/>);
/// strings are decoded from the doc values once per segment and value.
/// A document's passages are always in one segment (they are added as one block with AddDocuments, and
/// merges keep blocks whole), so a document is its id's ordinal within the segment and no id is decoded here.
/// </summary>
public sealed class DocumentGroupCollector : ICollector
{
    private readonly List<DocumentGroup> _ordered = [];
    private readonly OrdinalCounts _departments = new(IndexFields.Department, multiValued: false);
    private readonly OrdinalCounts _types = new(IndexFields.FileType, multiValued: false);
    private readonly OrdinalCounts _years = new(IndexFields.Year, multiValued: false);
    private readonly OrdinalCounts _indicators = new(IndexFields.Indicator, multiValued: true);

    // Per segment: the group of each document-id ordinal, so most hits cost an array lookup, not a string lookup.
    private DocumentGroup?[] _groupOfOrd = [];
    private Scorer? _scorer;
    private int _docBase;
    private SortedDocValues? _ids;
    private SegmentValues? _values;

    /// <summary>The matching documents, in the order first seen.</summary>
    public IReadOnlyList<DocumentGroup> Groups => _ordered;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _ids = reader.GetSortedDocValues(IndexFields.DocumentId);
        _values = SegmentValues.Of(reader);
        _groupOfOrd = new DocumentGroup?[_ids?.ValueCount ?? 0];
        _departments.SetReader(reader, _values.Departments);
        _types.SetReader(reader, _values.FileTypes);
        _years.SetReader(reader, _values.Years);
        _indicators.SetReader(reader, null, _values.IndicatorStarts, _values.IndicatorOrds);
    }

    public void Collect(int doc)
    {
        if (_ids is null)
        {
            return;
        }
        var ord = _values!.Ids[doc];
        if (ord < 0)
        {
            return;
        }
        var score = _scorer?.GetScore() ?? 0f;
        var group = _groupOfOrd[ord];
        if (group is null)
        {
            // First passage of this document: its facet values count once for the document.
            group = new DocumentGroup(_ids, ord) { Score = score, BestDoc = _docBase + doc, Date = _values.Dates[doc] };
            _ordered.Add(group);
            _groupOfOrd[ord] = group;
            _departments.Count(doc);
            _types.Count(doc);
            _years.Count(doc);
            _indicators.Count(doc);
            return;
        }
        group.Count++;
        if (score > group.Score)
        {
            group.Score = score;
            group.BestDoc = _docBase + doc;
        }
    }

    /// <summary>Matching documents per department.</summary>
    public IReadOnlyDictionary<string, int> DepartmentCounts => _departments.Totals;

    /// <summary>Matching documents per file type.</summary>
    public IReadOnlyDictionary<string, int> FileTypeCounts => _types.Totals;

    /// <summary>Matching documents per year.</summary>
    public IReadOnlyDictionary<string, int> YearCounts => _years.Totals;

    /// <summary>Matching documents per "framework:number" indicator key.</summary>
    public IReadOnlyDictionary<string, int> IndicatorCounts => _indicators.Totals;

    /// <summary>
    /// Counts one field's values by segment ordinal (an array increment per document) and turns them into
    /// strings when the segment ends: a few distinct values, thousands of documents.
    /// </summary>
    private sealed class OrdinalCounts(string field, bool multiValued)
    {
        private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
        private readonly BytesRef _bytes = new();
        private SortedDocValues? _single;
        private SortedSetDocValues? _multi;
        private int[]? _ords;
        private int[]? _starts;
        private int[] _counts = [];
        private bool _pending;

        public IReadOnlyDictionary<string, int> Totals
        {
            get
            {
                Flush();
                return _totals;
            }
        }

        /// <summary>The next segment, with its values per passage: one ordinal each, or (multi-valued) ords[starts[doc] .. starts[doc + 1]].</summary>
        public void SetReader(AtomicReader reader, int[]? ords, int[]? starts = null, int[]? multiOrds = null)
        {
            Flush();
            _single = null;
            _multi = null;
            _ords = multiValued ? multiOrds : ords;
            _starts = starts;
            if (multiValued)
            {
                _multi = reader.GetSortedSetDocValues(field);
            }
            else
            {
                _single = reader.GetSortedDocValues(field);
            }
            var size = (int)(_multi?.ValueCount ?? _single?.ValueCount ?? 0);
            if (_counts.Length < size)
            {
                _counts = new int[size];
            }
        }

        public void Count(int doc)
        {
            if (_single is not null)
            {
                var ord = _ords![doc];
                if (ord >= 0)
                {
                    _counts[ord]++;
                    _pending = true;
                }
            }
            else if (_multi is not null)
            {
                for (var i = _starts![doc]; i < _starts[doc + 1]; i++)
                {
                    _counts[_ords![i]]++;
                    _pending = true;
                }
            }
        }

        private void Flush()
        {
            if (!_pending)
            {
                return;
            }
            _pending = false;
            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] == 0)
                {
                    continue;
                }
                if (_multi is not null)
                {
                    _multi.LookupOrd(ord, _bytes);
                }
                else
                {
                    _single!.LookupOrd(ord, _bytes);
                }
                var value = _bytes.Utf8ToString();
                if (value.Length > 0)
                {
                    _totals[value] = _totals.GetValueOrDefault(value) + _counts[ord];
                }
                _counts[ord] = 0;
            }
        }
    }
}
