using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>Hands out searchers over the index; every <see cref="Acquire"/> is matched by a <see cref="Release"/>.</summary>
public interface ISearcherSource : IDisposable
{
    IndexSearcher Acquire();

    void Release(IndexSearcher searcher);

    /// <summary>Makes the next searcher see every change made so far.</summary>
    void Refresh();
}
