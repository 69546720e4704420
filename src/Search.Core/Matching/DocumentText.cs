using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>How much of a document the matcher reads as a whole; longer documents are also read passage by passage.</summary>
public static class DocumentText
{
    public const int HeadCharacters = 4000;

    public static string Head(IReadOnlyList<PassageRecord> passages) => Head(passages.Select(p => p.Text));

    public static string Head(IEnumerable<string> passages)
    {
        var text = new System.Text.StringBuilder();
        foreach (var p in passages)
        {
            if (text.Length >= HeadCharacters)
            {
                break;
            }
            text.Append(p).Append('\n');
        }
        return text.Length > HeadCharacters ? text.ToString(0, HeadCharacters) : text.ToString();
    }

    /// <summary>Passages are scored one by one only where the head does not already hold the whole text.</summary>
    public const int PassageScoringThreshold = 1500;

    /// <summary>At most this many passages (spread over the document) are scored one by one.</summary>
    public const int MaxScoredPassages = 60;

    public static MatchInput InputOf(DocumentRecord document, IReadOnlyList<PassageRecord> passages) =>
        new(document.Title ?? Path.GetFileNameWithoutExtension(document.FileName),
            Head(passages),
            ScoredPassages(passages.Select(p => p.Text).ToList()),
            document.IndicatorHints,
            document.Date);

    public static IReadOnlyList<string>? ScoredPassages(IReadOnlyList<string> passages)
    {
        if (passages.Count < 2 || passages.Sum(p => p.Length) <= PassageScoringThreshold)
        {
            return null;
        }
        if (passages.Count <= MaxScoredPassages)
        {
            return passages;
        }
        var step = (double)passages.Count / MaxScoredPassages;
        return Enumerable.Range(0, MaxScoredPassages).Select(i => passages[(int)(i * step)]).ToList();
    }
}
