using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Search;

/// <summary>
/// A matching document: its best passage, how many passages matched, and its date for sorting. Its id is
/// read from the segment's doc values only when asked for (the page's hits, ties in the order), since a
/// query can match thousands of documents and show twenty.
/// </summary>
public sealed class DocumentGroup(SortedDocValues ids, int ord)
{
    private string? _documentId;

    public string DocumentId
    {
        get
        {
            if (_documentId is null)
            {
                var bytes = new BytesRef();
                ids.LookupOrd(ord, bytes);
                _documentId = bytes.Utf8ToString();
            }
            return _documentId;
        }
    }

    public float Score { get; set; }

    /// <summary>The best passage's doc id in the top-level reader.</summary>
    public int BestDoc { get; set; }

    public int Count { get; set; } = 1;

    /// <summary>yyyyMMdd, 0 when undated.</summary>
    public long Date { get; init; }
}
