using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Search;

namespace Search.Core.Indexing;

/// <summary>
/// The embedded Lucene.Net index of passages. Opened for writing it holds the one writer (the data directory's
/// owner decides when to commit); opened read-only it searches the last commit another process made.
/// </summary>
public sealed class LuceneEvidenceIndex : IEvidenceIndex, IDisposable
{
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriterHost? _writer;
    private readonly ISearcherSource _searchers;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly LuceneQueryBuilder _queries;

    /// <summary>Documents matched by the words as words beyond which matches inside longer words are not looked for.</summary>
    public const int RecallCap = 1000;

    /// <summary>Opens the index for writing; the caller must be the only writer of <paramref name="directory"/>.</summary>
    public LuceneEvidenceIndex(Lucene.Net.Store.Directory directory, Vocabulary? vocabulary = null)
        : this(directory, vocabulary, writable: true)
    {
    }

    public LuceneEvidenceIndex(string path, Vocabulary? vocabulary = null)
        : this(FSDirectory.Open(System.IO.Directory.CreateDirectory(path)), vocabulary)
    {
    }

    private LuceneEvidenceIndex(Lucene.Net.Store.Directory directory, Vocabulary? vocabulary, bool writable)
    {
        _directory = directory;
        Analyzer = AnalyzerFactory.Create();
        _queries = new LuceneQueryBuilder(Analyzer, vocabulary ?? Vocabulary.Empty);
        if (writable)
        {
            _writer = new IndexWriterHost(directory, Analyzer);
            _searchers = _writer;
        }
        else
        {
            _searchers = new CommittedSearcherSource(directory);
        }
    }

    /// <summary>Opens the last commit for searching only: no writer, no lock, safe beside a running owner.</summary>
    public static LuceneEvidenceIndex OpenReadOnly(string path, Vocabulary? vocabulary = null) =>
        new(FSDirectory.Open(System.IO.Directory.CreateDirectory(path)), vocabulary, writable: false);

    public Analyzer Analyzer { get; }

    public bool IsWritable => _writer is not null;

    public int PassageCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public Task ReplaceDocumentAsync(string documentId, IReadOnlyList<IndexedPassage> passages, CancellationToken cancellationToken) =>
        WriteAsync(writer => writer.Replace(documentId, passages), cancellationToken);

    /// <summary>Adds many documents, then commits and refreshes once (bulk loads, benchmarks).</summary>
    public Task ReplaceDocumentsAsync(IEnumerable<(string DocumentId, IReadOnlyList<IndexedPassage> Passages)> documents, CancellationToken cancellationToken) =>
        WriteAsync(writer =>
        {
            foreach (var (documentId, passages) in documents)
            {
                writer.Replace(documentId, passages);
            }
            writer.Commit();
            writer.Refresh();
        }, cancellationToken);

    /// <summary>Waits for background merges, then commits and reopens: a benchmark measures a settled index, not one still merging.</summary>
    public Task WaitForMergesAsync(CancellationToken cancellationToken) =>
        WriteAsync(writer =>
        {
            writer.WaitForMerges();
            writer.Commit();
            writer.Refresh();
        }, cancellationToken);

    /// <summary>The Lucene query a request runs, for comparing with plain Lucene in the benchmark.</summary>
    public Query BuildQuery(SearchRequest request) => _queries.Build(QueryLanguageParser.Parse(request.Query), request);

    public Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        WriteAsync(writer => writer.Delete(documentId), cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) =>
        WriteAsync(writer => writer.Commit(), cancellationToken);

    /// <summary>One write at a time through the one writer; a read-only index refuses.</summary>
    private async Task WriteAsync(Action<IndexWriterHost> write, CancellationToken cancellationToken)
    {
        var writer = Writer;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            write(writer);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        _searchers.Refresh();
        return Task.CompletedTask;
    }

    /// <summary>The ids of the documents with live passages in the index (as this process sees it).</summary>
    public IReadOnlySet<string> DocumentIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var searcher = _searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var values = reader.GetSortedDocValues(IndexFields.DocumentId);
                if (values is null)
                {
                    continue;
                }
                var live = reader.LiveDocs;
                var seen = new bool[values.ValueCount];
                var bytes = new Lucene.Net.Util.BytesRef();
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }
                    var ord = values.GetOrd(doc);
                    if (ord >= 0 && !seen[ord])
                    {
                        seen[ord] = true;
                        values.LookupOrd(ord, bytes);
                        ids.Add(bytes.Utf8ToString());
                    }
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
        return ids;
    }

    private IndexWriterHost Writer => _writer ?? throw new InvalidOperationException("The index was opened read-only; only the data directory's owner writes to it.");

    public SearchResults Search(SearchRequest request)
    {
        var parsed = QueryLanguageParser.Parse(request.Query);
        var hasFilter = parsed.Filters.Count > 0 || request.Department is not null || request.Departments is { Count: > 0 } || request.FileType is not null || request.Year is not null
            || request.Indicator is not null || request.From is not null || request.To is not null;
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.Size, 1, 100);
        if (!parsed.HasText && !hasFilter)
        {
            return new SearchResults(0, page, size, [], new SearchFacets([], [], [], []), "请输入检索词或筛选条件。");
        }

        var searcher = _searchers.Acquire();
        try
        {
            // Words as words first: where they alone match more documents than anyone pages through, matches
            // inside longer words (the bigram recall clause, most of a query's cost) could only follow them, so
            // they are not looked for and the total says it is a lower bound. Sorting by date needs them all.
            var estimated = false;
            DocumentGroups? groups = null;
            // Term statistics say first whether the words could reach the cap at all: rare words go straight to the full query.
            if (parsed.HasText && request.Sort != SearchSort.Date && page * size <= RecallCap
                && _queries.WordMatchUpperBound(parsed, searcher.IndexReader) >= RecallCap)
            {
                var words = SegmentSearch.Collect(searcher, _queries.Build(parsed, request, recall: false));
                if (words.Groups.Count >= RecallCap)
                {
                    groups = words;
                    estimated = true;
                }
            }
            groups ??= SegmentSearch.Collect(searcher, _queries.Build(parsed, request));
            var order = request.Sort == SearchSort.Date || !parsed.HasText ? ByDate : ByRelevance;
            var forms = _queries.HighlightForms(parsed);
            var hits = new List<SearchHit>(size);
            foreach (var group in PageOf(groups.Groups, order, (page - 1) * size, size))
            {
                hits.Add(ToHit(searcher.Doc(group.BestDoc), group, forms, request.Framework));
            }
            return new SearchResults(groups.Groups.Count, page, size, hits, Facets(groups, request.Framework)) { TotalIsLowerBound = estimated };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document doc, DocumentGroup group, IReadOnlyList<string> forms, string? framework)
    {
        var text = doc.Get(IndexFields.Text) ?? "";
        var indicators = PassageDocumentMapper.IndicatorsOf(doc);
        if (framework is not null)
        {
            indicators = indicators.Where(i => i.Framework == framework).ToList();
        }
        return new SearchHit(
            group.DocumentId,
            doc.GetField(IndexFields.Ordinal)?.GetInt32Value() ?? 0,
            doc.Get(IndexFields.Title) ?? "",
            doc.Get(IndexFields.FileName) ?? "",
            doc.GetField(IndexFields.Page)?.GetInt32Value() ?? 1,
            doc.Get(IndexFields.Location),
            SnippetBuilder.Build(text, forms),
            doc.Get(IndexFields.Department),
            PassageDocumentMapper.DateOf(doc),
            doc.Get(IndexFields.DocNumber),
            doc.Get(IndexFields.FileType) ?? "",
            indicators.OrderByDescending(i => i.Score).ToList(),
            Math.Round(group.Score, 4),
            group.Count);
    }

    private static readonly Comparer<DocumentGroup> ByRelevance = Comparer<DocumentGroup>.Create((a, b) =>
        b.Score.CompareTo(a.Score) is var c and not 0 ? c
        : b.Date.CompareTo(a.Date) is var d and not 0 ? d
        : string.CompareOrdinal(a.DocumentId, b.DocumentId));

    private static readonly Comparer<DocumentGroup> ByDate = Comparer<DocumentGroup>.Create((a, b) =>
        b.Date.CompareTo(a.Date) is var d and not 0 ? d
        : b.Score.CompareTo(a.Score) is var c and not 0 ? c
        : string.CompareOrdinal(a.DocumentId, b.DocumentId));

    /// <summary>
    /// The groups of one page in order. LINQ's ordered Skip/Take sorts only as far as the page (a partial
    /// quicksort), since a query can match thousands of documents and a page shows twenty.
    /// </summary>
    private static List<DocumentGroup> PageOf(IReadOnlyList<DocumentGroup> groups, Comparer<DocumentGroup> order, int skip, int take) =>
        groups.Order(order).Skip(skip).Take(take).ToList();

    private static SearchFacets Facets(DocumentGroups collector, string? framework)
    {
        static List<FacetCount> ByCount(IEnumerable<KeyValuePair<string, int>> counts) =>
            counts.Select(c => new FacetCount(c.Key, c.Value))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
                .ToList();
        var indicators = collector.Indicators
            .Where(c => framework is null || c.Key.StartsWith(framework + ":", StringComparison.Ordinal));
        return new SearchFacets(
            ByCount(collector.Departments),
            ByCount(collector.FileTypes),
            collector.Years.Select(c => new FacetCount(c.Key, c.Value)).OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList(),
            ByCount(indicators));
    }

    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            if (_writer is { HasUncommittedChanges: true })
            {
                _writer.Commit();
            }
            _searchers.Dispose();
            _directory.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
