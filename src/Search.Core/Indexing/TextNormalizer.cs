using System.Text;
using System.Text.RegularExpressions;

namespace Search.Core.Indexing;

/// <summary>
/// One normalisation for indexing and querying, length-preserving so offsets stay valid:
/// full-width forms to half-width (ＡＢＣ１２３ → ABC123, ！ → !), and the brackets around the year of a
/// document number ((2021) [2021] 【2021】 （2021） 〔2021〕) to 〔〕, so 枣法委发[2021]10号 is 枣法委发〔2021〕10号.
/// </summary>
public static partial class TextNormalizer
{
    [GeneratedRegex(@"[\(（\[［【〔]((?:19|20)\d{2})[\)）\]］】〕]")]
    private static partial Regex YearInBrackets();

    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Map(c));
        }
        return YearInBrackets().Replace(builder.ToString(), "〔$1〕");
    }

    public static char Map(char c) => c switch
    {
        '\u3000' => ' ',
        >= '！' and <= '～' => (char)(c - 0xFEE0),
        _ => c,
    };
}
