using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>
/// The one <see cref="IndexWriter"/> of an index, with a near-real-time searcher over it. Writes are visible
/// to this process's searches at once and durable only after <see cref="Commit"/>; the index owner decides when.
/// </summary>
public sealed class IndexWriterHost : ISearcherSource
{
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private volatile bool _stale;
    private int _uncommitted;

    public IndexWriterHost(Lucene.Net.Store.Directory directory, Analyzer analyzer)
    {
        EvidenceCodec.Register();
        _writer = new IndexWriter(directory, new IndexWriterConfig(AnalyzerFactory.Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, Codec = new EvidenceCodec() });
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    public bool HasUncommittedChanges => Volatile.Read(ref _uncommitted) != 0;

    /// <summary>Replaces all passages of a document; its passages stay one block, so they sit in one segment.</summary>
    public void Replace(string documentId, IEnumerable<IndexedPassage> passages)
    {
        _writer.UpdateDocuments(new Term(IndexFields.DocumentId, documentId), passages.Select(PassageDocumentMapper.ToDocument));
        Changed();
    }

    public void Delete(string documentId)
    {
        _writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
        Changed();
    }

    /// <summary>Makes every change so far durable: after a crash the index opens at the last commit.</summary>
    public void Commit()
    {
        Interlocked.Exchange(ref _uncommitted, 0);
        _writer.Commit();
    }

    /// <summary>Waits for background merges to end (benchmarks measure a settled index).</summary>
    public void WaitForMerges() => _writer.WaitForMerges();

    public IndexSearcher Acquire()
    {
        if (_stale)
        {
            Refresh();
        }
        return _searchers.Acquire();
    }

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    public void Refresh()
    {
        _stale = false;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Marks the searcher stale instead of reopening it after every write: the next search reopens it
    /// (so every write is visible to the search after it), and a batch of writes costs one reopen.
    /// </summary>
    private void Changed()
    {
        Interlocked.Exchange(ref _uncommitted, 1);
        _stale = true;
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
    }
}
