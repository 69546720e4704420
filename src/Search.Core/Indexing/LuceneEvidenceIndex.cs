using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Search;

namespace Search.Core.Indexing;

/// <summary>
/// The embedded Lucene.Net index of passages. One writer; a <see cref="SearcherManager"/> over it refreshed
/// after every change (near-real-time, so a document is searchable when its ingestion returns); commits
/// are batched to at most one every two seconds and on dispose, since SQLite keeps the passages anyway.
/// </summary>
public sealed class LuceneEvidenceIndex : IEvidenceIndex, IDisposable
{
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly LuceneQueryBuilder _queries;
    private readonly Stopwatch _sinceCommit = Stopwatch.StartNew();
    private bool _uncommitted;
    private volatile bool _stale;

    public LuceneEvidenceIndex(Lucene.Net.Store.Directory directory, Vocabulary? vocabulary = null)
    {
        _directory = directory;
        Analyzer = AnalyzerFactory.Create();
        EvidenceCodec.Register();
        _writer = new IndexWriter(directory, new IndexWriterConfig(AnalyzerFactory.Version, Analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, Codec = new EvidenceCodec() });
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _queries = new LuceneQueryBuilder(Analyzer, vocabulary ?? Vocabulary.Empty);
    }

    public LuceneEvidenceIndex(string path, Vocabulary? vocabulary = null)
        : this(FSDirectory.Open(System.IO.Directory.CreateDirectory(path)), vocabulary)
    {
    }

    public Analyzer Analyzer { get; }

    public int PassageCount
    {
        get
        {
            RefreshIfStale();
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

    public async Task ReplaceDocumentAsync(string documentId, IReadOnlyList<IndexedPassage> passages, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            _writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
            _writer.AddDocuments(passages.Select(PassageDocumentMapper.ToDocument));
            AfterWrite();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Adds many documents with one refresh at the end (bulk loads, benchmarks).</summary>
    public async Task ReplaceDocumentsAsync(IEnumerable<(string DocumentId, IReadOnlyList<IndexedPassage> Passages)> documents, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            foreach (var (documentId, passages) in documents)
            {
                _writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
                _writer.AddDocuments(passages.Select(PassageDocumentMapper.ToDocument));
            }
            Commit();
            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Waits for background merges, then commits and reopens: a benchmark measures a settled index, not one still merging.</summary>
    public async Task WaitForMergesAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            _writer.WaitForMerges();
            Commit();
            _stale = false;
            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The Lucene query a request runs, for comparing with plain Lucene in the benchmark.</summary>
    public Query BuildQuery(SearchRequest request) => _queries.Build(QueryLanguageParser.Parse(request.Query), request);

    public async Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            _writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
            AfterWrite();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        _stale = false;
        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public SearchResults Search(SearchRequest request)
    {
        var parsed = QueryLanguageParser.Parse(request.Query);
        var hasFilter = parsed.Filters.Count > 0 || request.Department is not null || request.FileType is not null || request.Year is not null
            || request.Indicator is not null || request.From is not null || request.To is not null;
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.Size, 1, 100);
        if (!parsed.HasText && !hasFilter)
        {
            return new SearchResults(0, page, size, [], new SearchFacets([], [], [], []), "请输入检索词或筛选条件。");
        }

        var query = _queries.Build(parsed, request);
        RefreshIfStale();
        var searcher = _searchers.Acquire();
        try
        {
            var collector = new DocumentGroupCollector();
            searcher.Search(query, collector);
            var order = request.Sort == SearchSort.Date || !parsed.HasText ? ByDate : ByRelevance;
            var forms = _queries.HighlightForms(parsed);
            var hits = new List<SearchHit>(size);
            foreach (var group in PageOf(collector.Groups, order, (page - 1) * size, size))
            {
                hits.Add(ToHit(searcher.Doc(group.BestDoc), group, forms, request.Framework));
            }
            return new SearchResults(collector.Groups.Count, page, size, hits, Facets(collector, request.Framework));
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

    private static SearchFacets Facets(DocumentGroupCollector collector, string? framework)
    {
        static List<FacetCount> ByCount(IEnumerable<KeyValuePair<string, int>> counts) =>
            counts.Select(c => new FacetCount(c.Key, c.Value))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
                .ToList();
        var indicators = collector.IndicatorCounts
            .Where(c => framework is null || c.Key.StartsWith(framework + ":", StringComparison.Ordinal));
        return new SearchFacets(
            ByCount(collector.DepartmentCounts),
            ByCount(collector.FileTypeCounts),
            collector.YearCounts.Select(c => new FacetCount(c.Key, c.Value)).OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList(),
            ByCount(indicators));
    }

    /// <summary>
    /// Marks the searcher stale instead of reopening it after every write: the next search reopens it
    /// (so every write is visible to the search after it), and a batch of writes costs one reopen.
    /// </summary>
    private void AfterWrite()
    {
        _uncommitted = true;
        _stale = true;
        if (_sinceCommit.Elapsed >= CommitInterval)
        {
            Commit();
        }
    }

    private void RefreshIfStale()
    {
        if (_stale)
        {
            _stale = false;
            _searchers.MaybeRefreshBlocking();
        }
    }

    private void Commit()
    {
        _writer.Commit();
        _uncommitted = false;
        _sinceCommit.Restart();
    }

    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            if (_uncommitted)
            {
                Commit();
            }
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
