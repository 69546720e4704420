using System.Text.RegularExpressions;
using Search.Core.Frameworks;

namespace Search.Core.Llm;

/// <summary>The character limit of one indicator's 情况说明: what its own items state ("500字内", "1000字以内"), else the default.</summary>
public static partial class DraftLimit
{
    public static (int Limit, string Source) For(Indicator indicator, int fallback)
    {
        var texts = indicator.Explanation.Concat(indicator.Materials.SelectMany(m => m.Items)).Append(indicator.Text);
        foreach (var text in texts)
        {
            var m = Stated().Match(text);
            if (m.Success && int.TryParse(m.Groups["n"].Value, out var n) && n is >= 50 and <= 5000)
            {
                return (n, m.Value.Trim());
            }
        }
        return (fallback, $"默认 {fallback} 字");
    }

    [GeneratedRegex(@"(?:不超过|不多于|限)?\s*(?<n>\d{2,4})\s*字(?:以内|之内|内)")]
    private static partial Regex Stated();
}
