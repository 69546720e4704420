using System.Text;
using Search.Core.Frameworks;

namespace Search.Core.Llm;

/// <summary>The messages that ask the model for a 情况说明: the rules, the indicator, what it must cover, the limit and the numbered evidence.</summary>
public static class DraftPrompt
{
    public static string System(int limit) =>
        $"""
        你协助依法治办审核人员起草法治政府建设示范创建申报材料中的“情况说明”。
        规则：
        1. 只能依据下面给出的佐证材料摘录写作，不得编造文件、数字、日期或做法；材料没有的内容不写。
        2. 每一句话末尾用方括号标注所依据的材料编号，例如 [1] 或 [2][3]；只能使用给出的编号。
        3. 全文不超过 {limit} 字（汉字、标点、数字、字母各算一字，空格和引用编号不计）。
        4. 聚焦指标，简明扼要，措施具体，不要虚话套话；逐项回应“情况说明应包括”中列出的内容。
        5. 直接输出情况说明正文，不要标题、前言或解释。
        """;

    public static string User(string frameworkName, Indicator indicator, int limit, IReadOnlyList<EvidenceExcerpt> excerpts)
    {
        var text = new StringBuilder();
        text.AppendLine($"指标体系：{frameworkName}");
        text.AppendLine($"指标 {indicator.Number}：{indicator.Text}");
        var covers = indicator.Explanation.Count > 0 ? indicator.Explanation : indicator.Materials.SelectMany(m => m.Items).ToList();
        if (covers.Count > 0)
        {
            text.AppendLine(indicator.Explanation.Count > 0 ? "情况说明应包括：" : "情况说明应围绕以下申报材料：");
            for (var i = 0; i < covers.Count; i++)
            {
                text.AppendLine($"  {i + 1}. {covers[i]}");
            }
        }
        text.AppendLine($"字数上限：{limit} 字");
        text.AppendLine();
        text.AppendLine("佐证材料摘录（引用时写方括号中的编号）：");
        foreach (var e in excerpts)
        {
            text.AppendLine($"[{e.Marker}] 《{e.Title}》（文件 {e.DocumentId}，第 {e.Page} 页）：{e.Text}");
        }
        return text.ToString();
    }

    /// <summary>The same request again, with the previous answer and what was wrong with it.</summary>
    public static string Repair(string user, string previous, IReadOnlyList<string> problems) =>
        $"""
        {user}
        上一稿：
        {previous}

        上一稿的问题：{string.Join("；", problems)}。请按全部规则重写全文。
        """;
}
