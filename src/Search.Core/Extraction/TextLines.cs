namespace Search.Core.Extraction;

/// <summary>Joins wrapped lines: no space between Chinese characters, one space between Latin words.</summary>
public static class TextLines
{
    public static string Join(IEnumerable<string> lines)
    {
        var result = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (result.Length > 0 && IsLatin(result[^1]) && IsLatin(line[0]))
            {
                result.Append(' ');
            }
            result.Append(line);
        }
        return result.ToString();
    }

    private static bool IsLatin(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);
}
