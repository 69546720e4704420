using System.Text;
using System.Text.RegularExpressions;

namespace Search.Core.Llm;

/// <summary>
/// Counts a 情况说明 the way the notices' "不超过500字" is checked in a word processor's 字数 without spaces:
/// every Chinese character, punctuation mark, digit and Latin letter counts one, whitespace counts nothing.
/// Citation markers such as [3] are the reviewer's aid, removed before the text is submitted, so they do not count.
/// </summary>
public static partial class DraftLength
{
    public static int Count(string text)
    {
        var n = 0;
        foreach (var rune in WithoutMarkers(text).EnumerateRunes())
        {
            n += Rune.IsWhiteSpace(rune) ? 0 : 1;
        }
        return n;
    }

    /// <summary>The text with its citation markers removed.</summary>
    public static string WithoutMarkers(string text) => Markers().Replace(text, "");

    [GeneratedRegex(@"\[\s*\d{1,3}(?:\s*[,，、;；]\s*\d{1,3})*\s*\]")]
    internal static partial Regex Markers();
}
