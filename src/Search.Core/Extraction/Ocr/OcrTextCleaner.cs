using System.Text.RegularExpressions;

namespace Search.Core.Extraction.Ocr;

/// <summary>
/// Tesseract puts spaces between Chinese characters and around digits ("行 政 复 议", "6月 16 日"); this
/// removes the spaces that touch a CJK character or CJK punctuation, and keeps those between Latin words.
/// </summary>
public static partial class OcrTextCleaner
{
    private const string Cjk = @"\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}";

    [GeneratedRegex($@"(?<=[{Cjk}])[ \t]+|[ \t]+(?=[{Cjk}])")]
    private static partial Regex SpaceNextToCjk();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();

    public static string Clean(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\f', '\n').Split('\n')
            .Select(line => SpaceNextToCjk().Replace(line, "").Trim());
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }
}
