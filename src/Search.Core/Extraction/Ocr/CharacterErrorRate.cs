using System.Text;

namespace Search.Core.Extraction.Ocr;

/// <summary>
/// Character error rate of OCR output against the known text: edit distance over the known text's length,
/// both compared without whitespace and in NFKC form (so full- and half-width punctuation count the same).
/// </summary>
public static class CharacterErrorRate
{
    public static double Of(string expected, string actual)
    {
        var truth = Normalize(expected);
        var read = Normalize(actual);
        return truth.Length == 0 ? (read.Length == 0 ? 0 : 1) : (double)Distance(truth, read) / truth.Length;
    }

    public static string Normalize(string text) =>
        new(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Levenshtein distance with two rows.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
