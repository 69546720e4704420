using System.Net;
using System.Text;
using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// Cuts a passage to a short fragment around the first match, at Chinese sentence boundaries (。；！？ and
/// line ends), and marks every matched form with &lt;mark&gt;; the rest is HTML-escaped.
/// </summary>
public static class SnippetBuilder
{
    public const int MaxLength = 120;
    private static readonly char[] Boundaries = ['。', '；', '！', '？', ';', '!', '?', '\n'];

    public static string Build(string text, IReadOnlyList<string> forms)
    {
        // Normalisation keeps length, so positions found in the normalised text are positions in the original.
        var normalized = TextNormalizer.Normalize(text);
        var marks = new List<(int Start, int End)>();
        foreach (var form in forms.Where(f => f.Length > 0))
        {
            for (var at = normalized.IndexOf(form, StringComparison.OrdinalIgnoreCase); at >= 0; at = normalized.IndexOf(form, at + form.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (!marks.Any(m => at < m.End && at + form.Length > m.Start))
                {
                    marks.Add((at, at + form.Length));
                }
            }
        }
        marks.Sort();

        var (start, end) = Window(text, marks.Count > 0 ? marks[0].Start : 0);
        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }
        var position = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.Start >= start && m.End <= end))
        {
            builder.Append(WebUtility.HtmlEncode(text[position..markStart]));
            builder.Append("<mark>").Append(WebUtility.HtmlEncode(text[markStart..markEnd])).Append("</mark>");
            position = markEnd;
        }
        builder.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length)
        {
            builder.Append('…');
        }
        return builder.ToString().Replace('\n', ' ').Trim();
    }

    /// <summary>A window of at most <see cref="MaxLength"/> characters holding <paramref name="anchor"/>, starting after a sentence end where possible.</summary>
    private static (int Start, int End) Window(string text, int anchor)
    {
        if (text.Length <= MaxLength)
        {
            return (0, text.Length);
        }
        var start = 0;
        var lookBack = Math.Max(0, anchor - MaxLength / 2);
        var boundary = text.LastIndexOfAny(Boundaries, Math.Max(0, anchor - 1));
        start = boundary >= lookBack ? boundary + 1 : lookBack;
        if (anchor - start > MaxLength - 20)
        {
            start = Math.Max(0, anchor - 20);
        }
        var end = Math.Min(text.Length, start + MaxLength);
        var cut = text.LastIndexOfAny(Boundaries, end - 1, end - start - 1);
        if (cut > anchor + 10 && cut > start + MaxLength / 2)
        {
            end = cut + 1;
        }
        return (start, end);
    }
}
