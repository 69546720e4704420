using System.Text.RegularExpressions;

namespace Search.Core.Llm;

/// <summary>A model's answer checked against the rules: its citations, the ones to unknown evidence, its length and its uncited statements.</summary>
public sealed partial record DraftAnswer(string Text, int Length, IReadOnlyList<int> Markers, IReadOnlyList<int> UnknownMarkers, IReadOnlyList<string> UncitedSentences)
{
    public static DraftAnswer Check(string raw, IReadOnlyCollection<int> known)
    {
        var text = Clean(raw);
        var markers = new List<int>();
        foreach (Match m in DraftLength.Markers().Matches(text))
        {
            foreach (Match n in Digits().Matches(m.Value))
            {
                var marker = int.Parse(n.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (!markers.Contains(marker))
                {
                    markers.Add(marker);
                }
            }
        }
        var uncited = Sentences(text)
            .Where(s => !DraftLength.Markers().IsMatch(s) && DraftLength.Count(s) >= 6)
            .Select(s => s.Trim())
            .ToList();
        return new DraftAnswer(text, DraftLength.Count(text), markers, markers.Where(m => !known.Contains(m)).ToList(), uncited);
    }

    /// <summary>Sentences with the markers that follow their end ("…台账。[2]") kept with them.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        Sentence().Matches(text).Select(m => m.Value).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();

    /// <summary>The longest run of whole sentences within the limit; when even the first is too long, its first characters.</summary>
    public static string Trim(string text, int limit)
    {
        var kept = new System.Text.StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            if (DraftLength.Count(kept.ToString() + sentence) > limit)
            {
                break;
            }
            kept.Append(sentence);
        }
        if (kept.Length > 0)
        {
            return kept.ToString().Trim();
        }
        var cut = new System.Text.StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (DraftLength.Count(cut.ToString() + rune) > limit)
            {
                break;
            }
            cut.Append(rune.ToString());
        }
        return cut.ToString().Trim();
    }

    /// <summary>Drops what models wrap around an answer: code fences, a heading line, surrounding blanks.</summary>
    private static string Clean(string raw)
    {
        var text = raw.Replace("\r\n", "\n").Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            text = Fence().Replace(text, "").Trim();
        }
        text = Heading().Replace(text, "");
        return text.Trim();
    }

    [GeneratedRegex(@"\d{1,3}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[^。！？；!?\n]+(?:[。！？；!?]+)?(?:\s*\[[^\]\n]{1,20}\])*")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^```[a-z]*\n?|\n?```$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?:#+\s*)?情况说明[:：]?\s*\n")]
    private static partial Regex Heading();
}
