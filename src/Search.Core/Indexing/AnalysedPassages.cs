using Lucene.Net.Analysis;

namespace Search.Core.Indexing;

/// <summary>
/// Passages analysed at ingestion for the index's word field, handed to this process's projector so each passage
/// is analysed once for matching and indexing both. Only the process that owns the index keeps them (a worker
/// elsewhere has no projector to hand them to); the projector takes a passage's words only when the stored text
/// is the very text they were read from, and analyses anything else itself, so the index is the same either way.
/// At most <see cref="Capacity"/> documents and <see cref="TokenCapacity"/> tokens wait (about 100 MB); older ones are dropped first.
/// </summary>
public sealed class AnalysedPassages(IndexAccess access)
{
    public const int Capacity = 512;
    public const int TokenCapacity = 2_000_000;

    private readonly Analyzer _words = new AnalyzerFactory.NormalizingSmartChineseAnalyzer();
    private readonly Dictionary<string, LinkedListNode<(string Id, IReadOnlyList<PassageWords> Passages)>> _waiting = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, IReadOnlyList<PassageWords> Passages)> _order = new();
    private readonly Lock _gate = new();
    private long _tokens;

    /// <summary>True in the process that owns the index, where analysing at ingestion saves the projector the work.</summary>
    public bool Enabled { get; } = access.Owner;

    /// <summary>The words of each text, by the index's word analyser.</summary>
    public IReadOnlyList<PassageWords> Analyse(IEnumerable<string> texts) =>
        texts.Select(t => PassageWords.Analyse(_words, IndexFields.Text, t)).ToList();

    /// <summary>Leaves a document's analysed passages (in ordinal order) for the projector.</summary>
    public void Offer(string documentId, IReadOnlyList<PassageWords> passages)
    {
        if (!Enabled)
        {
            return;
        }
        lock (_gate)
        {
            if (_waiting.Remove(documentId, out var previous))
            {
                Forget(previous);
            }
            _waiting[documentId] = _order.AddLast((documentId, passages));
            _tokens += Tokens(passages);
            while ((_waiting.Count > Capacity || _tokens > TokenCapacity) && _order.First is { } oldest)
            {
                _waiting.Remove(oldest.Value.Id);
                Forget(oldest);
            }
        }
    }

    /// <summary>Takes a document's analysed passages, if any wait (null otherwise); the caller checks each text.</summary>
    public IReadOnlyList<PassageWords>? Take(string documentId)
    {
        lock (_gate)
        {
            if (!_waiting.Remove(documentId, out var node))
            {
                return null;
            }
            Forget(node);
            return node.Value.Passages;
        }
    }

    private void Forget(LinkedListNode<(string Id, IReadOnlyList<PassageWords> Passages)> node)
    {
        _order.Remove(node);
        _tokens -= Tokens(node.Value.Passages);
    }

    private static long Tokens(IReadOnlyList<PassageWords> passages) => passages.Sum(p => (long)p.Terms.Count);

    /// <summary>Documents waiting (tests).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }
}
