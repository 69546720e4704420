using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>How much of a document the matcher reads as a whole; longer documents are also read passage by passage.</summary>
public static class DocumentText
{
    public const int HeadCharacters = 4000;

    public static string Head(IReadOnlyList<PassageRecord> passages)
    {
        var text = new System.Text.StringBuilder();
        foreach (var p in passages)
        {
            if (text.Length >= HeadCharacters)
            {
                break;
            }
            text.Append(p.Text).Append('\n');
        }
        return text.Length > HeadCharacters ? text.ToString(0, HeadCharacters) : text.ToString();
    }

    public static MatchInput InputOf(DocumentRecord document, IReadOnlyList<PassageRecord> passages) =>
        new(document.Title ?? Path.GetFileNameWithoutExtension(document.FileName),
            Head(passages),
            passages.Count > 1 ? passages.Take(400).Select(p => p.Text).ToList() : null,
            document.IndicatorHints);
}
