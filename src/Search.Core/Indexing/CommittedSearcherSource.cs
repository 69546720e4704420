using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>
/// Read-only searchers over the last commit of an index another process owns: never a writer, never a lock.
/// It looks for a newer commit at most twice a second, so the owner's commits show up without a restart.
/// </summary>
public sealed class CommittedSearcherSource : ISearcherSource
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);

    private static readonly IndexSearcher Empty = new(new MultiReader());

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceCheck = Stopwatch.StartNew();
    private SearcherManager? _searchers;

    public CommittedSearcherSource(Lucene.Net.Store.Directory directory)
    {
        EvidenceCodec.Register();
        _directory = directory;
    }

    public IndexSearcher Acquire()
    {
        lock (_gate)
        {
            if (_searchers is null && DirectoryReader.IndexExists(_directory))
            {
                _searchers = new SearcherManager(_directory, searcherFactory: null);
                _sinceCheck.Restart();
            }
            else if (_searchers is not null && _sinceCheck.Elapsed >= CheckInterval)
            {
                _searchers.MaybeRefresh();
                _sinceCheck.Restart();
            }
        }
        // No commit yet: an empty reader answers every search with nothing.
        return _searchers?.Acquire() ?? Empty;
    }

    public void Release(IndexSearcher searcher)
    {
        if (!ReferenceEquals(searcher, Empty))
        {
            _searchers!.Release(searcher);
        }
    }

    public void Refresh()
    {
        lock (_gate)
        {
            _searchers?.MaybeRefreshBlocking();
            _sinceCheck.Restart();
        }
    }

    public void Dispose() => _searchers?.Dispose();
}
