using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// Collects every matching passage, grouped by document: the best passage and its score, the number of
/// matching passages, and the document's facet values (read once per document from doc values).
/// </summary>
public sealed class DocumentGroupCollector : ICollector
{
    private readonly Dictionary<string, DocumentGroup> _groups = new(StringComparer.Ordinal);

    // Per segment: the group of each document-id ordinal, so most hits cost an array lookup, not a string lookup.
    private DocumentGroup?[] _groupOfOrd = [];

    // Per segment: facet strings by ordinal, decoded once (few distinct departments, types, years, indicators).
    private string?[] _departmentNames = [];
    private string?[] _typeNames = [];
    private string?[] _yearNames = [];
    private string?[] _indicatorNames = [];
    private Scorer? _scorer;
    private int _docBase;
    private SortedDocValues? _ids;
    private SortedDocValues? _departments;
    private SortedDocValues? _types;
    private SortedDocValues? _years;
    private SortedSetDocValues? _indicators;
    private NumericDocValues? _dates;

    public IReadOnlyCollection<DocumentGroup> Groups => _groups.Values;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _ids = reader.GetSortedDocValues(IndexFields.DocumentId);
        _departments = reader.GetSortedDocValues(IndexFields.Department);
        _types = reader.GetSortedDocValues(IndexFields.FileType);
        _years = reader.GetSortedDocValues(IndexFields.Year);
        _indicators = reader.GetSortedSetDocValues(IndexFields.Indicator);
        _dates = reader.GetNumericDocValues(IndexFields.Date);
        _groupOfOrd = new DocumentGroup?[_ids?.ValueCount ?? 0];
        _departmentNames = new string?[_departments?.ValueCount ?? 0];
        _typeNames = new string?[_types?.ValueCount ?? 0];
        _yearNames = new string?[_years?.ValueCount ?? 0];
        _indicatorNames = new string?[_indicators?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        if (_ids is null)
        {
            return;
        }
        var ord = _ids.GetOrd(doc);
        if (ord < 0)
        {
            return;
        }
        var score = _scorer?.GetScore() ?? 0f;
        var group = _groupOfOrd[ord];
        string? id = null;
        if (group is null)
        {
            id = Lookup(_ids, ord)!;
            if (_groups.TryGetValue(id, out var existing))
            {
                // The same document seen in an earlier segment.
                _groupOfOrd[ord] = existing;
                group = existing;
            }
        }
        if (group is not null)
        {
            group.Count++;
            if (score > group.Score)
            {
                group.Score = score;
                group.BestDoc = _docBase + doc;
            }
            return;
        }
        var documentId = id!;
        var created = new DocumentGroup
        {
            DocumentId = documentId,
            Score = score,
            BestDoc = _docBase + doc,
            Count = 1,
            Department = Value(_departments, _departmentNames, doc),
            FileType = Value(_types, _typeNames, doc),
            Year = Value(_years, _yearNames, doc),
            Date = _dates?.Get(doc) ?? 0,
            Indicators = Indicators(doc),
        };
        _groups[documentId] = created;
        _groupOfOrd[ord] = created;
    }

    private List<string> Indicators(int doc)
    {
        var list = new List<string>();
        if (_indicators is null)
        {
            return list;
        }
        _indicators.SetDocument(doc);
        var bytes = new BytesRef();
        for (var ord = _indicators.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _indicators.NextOrd())
        {
            if (_indicatorNames[ord] is not { } name)
            {
                _indicators.LookupOrd(ord, bytes);
                name = _indicatorNames[ord] = bytes.Utf8ToString();
            }
            list.Add(name);
        }
        return list;
    }

    private static string? Value(SortedDocValues? values, string?[] names, int doc)
    {
        if (values is null)
        {
            return null;
        }
        var ord = values.GetOrd(doc);
        return ord < 0 ? null : names[ord] ??= Lookup(values, ord);
    }

    private static string? Lookup(SortedDocValues values, int ord)
    {
        var bytes = new BytesRef();
        values.LookupOrd(ord, bytes);
        return bytes.Utf8ToString();
    }
}

/// <summary>A matching document: its best passage and its facet values.</summary>
public sealed class DocumentGroup
{
    public required string DocumentId { get; init; }

    public float Score { get; set; }

    public int BestDoc { get; set; }

    public int Count { get; set; }

    public string? Department { get; init; }

    public string? FileType { get; init; }

    public string? Year { get; init; }

    /// <summary>yyyyMMdd, 0 when undated.</summary>
    public long Date { get; init; }

    public IReadOnlyList<string> Indicators { get; init; } = [];
}
