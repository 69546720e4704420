namespace Search.Core.Matching;

/// <summary>
/// How a title says what it is: the words of a table found in it, longest first so that a word inside a longer one
/// (纪要 in 会议纪要) is not found again, in the order they stand; the last names the document, except that a covering
/// notice (关于印发…方案的通知) names what it carries.
/// </summary>
public static class TitleWords
{
    /// <summary>Every occurrence of a word of <paramref name="table"/> (longest first) in <paramref name="title"/>, in title order.</summary>
    public static List<(int At, string Word, T Value)> Find<T>(string title, IEnumerable<(string Word, T Value)> table)
    {
        var found = new List<(int At, string Word, T Value)>();
        var text = title;
        foreach (var (word, value) in table)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                found.Add((at, word, value));
            }
            // Blank the word out so that a shorter word inside it is not found again.
            text = text.Replace(word, new string('　', word.Length), StringComparison.Ordinal);
        }
        return found.OrderBy(f => f.At).ToList();
    }

    /// <summary>
    /// The word that names the document among <paramref name="found"/> (in title order, not empty): the last, or the one
    /// before it when the last is a notice word (<paramref name="isNotice"/>) of a title that 印发 or 转发 something.
    /// </summary>
    public static (int At, string Word, T Value) Named<T>(string title, IReadOnlyList<(int At, string Word, T Value)> found, Func<T, bool> isNotice)
    {
        var covering = title.Contains("印发", StringComparison.Ordinal) || title.Contains("转发", StringComparison.Ordinal);
        return isNotice(found[^1].Value) && covering && found.Count > 1 ? found[^2] : found[^1];
    }
}
