using System.Text.RegularExpressions;

namespace Search.Core.Frameworks;

/// <summary>Splits table cells the way the notices write them: numbered items, unit lists, assessment methods, time windows.</summary>
public static partial class CellText
{
    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"(?<=[；;。])\s*(?=(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）])\D)")]
    private static partial Regex InlineItemStart();

    [GeneratedRegex(@"(?:19|20)\d{2}年(?:以来|至今)|(?:19|20)\d{2}年?[、，和至—-](?:19|20)\d{2}年(?:度)?|(?:19|20)\d{2}年(?:度)?")]
    private static partial Regex TimeWindow();

    public static readonly string[] KnownMethods = ["网络检索", "材料查证", "随机访谈", "实地核验", "案卷评查", "随机抽考", "问卷调查", "数据比对", "第三方评估", "实地查看", "查阅资料"];

    /// <summary>Numbered items of a cell; lines that do not start an item continue the previous one.</summary>
    public static IReadOnlyList<string> Items(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }
        var text = cell.Trim();
        if (text.StartsWith("不需提供", StringComparison.Ordinal) || text is "——" or "—" or "-" or "无")
        {
            return [];
        }
        var lines = InlineItemStart().Replace(text, "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var items = new List<string>();
        foreach (var line in lines)
        {
            if (items.Count == 0 || ItemStart().IsMatch(line))
            {
                items.Add(line);
            }
            else
            {
                items[^1] += line;
            }
        }
        return items.Select(i => i.Trim().TrimEnd('；', ';')).Where(i => i.Length > 0).ToList();
    }

    /// <summary>Units one per line or separated by 、，; blank and placeholder cells give none.</summary>
    public static IReadOnlyList<string> Units(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }
        return cell.Split(['\n', '、', '，', ',', '；', ';', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => u.Trim('。', '.'))
            .Where(u => u.Length >= 2 && u is not ("——" or "已完成" or "未完成"))
            .Distinct()
            .ToList();
    }

    public static IReadOnlyList<string> Methods(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? [] : KnownMethods.Where(m => cell.Contains(m, StringComparison.Ordinal)).ToList();

    public static IReadOnlyList<string> TimeWindows(IEnumerable<string> texts) =>
        texts.SelectMany(t => TimeWindow().Matches(t).Select(m => m.Value)).Distinct().ToList();

    /// <summary>Joins the lines of one cell, keeping line breaks where items or units are listed.</summary>
    public static string Clean(string cell) => string.Join('\n', cell.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
