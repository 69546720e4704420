namespace Search.Core.Matching;

/// <summary>
/// What a document is and what it does, in the words material checklists use: its type (报告, 清单, 方案, 台账,
/// 通知, 会议纪要, 解读, 决定, 预案…) and its verbs (公布, 清理, 评查, 备案, 听证…). A reviewer files an annual
/// report under the indicator whose checklist asks for that report, not under every indicator it mentions.
/// </summary>
public static class MaterialKind
{
    /// <summary>Type words, longest first so that 会议纪要 is found before 纪要; each maps to the kind a checklist names.</summary>
    private static readonly (string Word, string Kind)[] TypeWords =
    [
        ("会议纪要", "纪要"), ("会议记录", "纪要"), ("一图读懂", "解读"), ("审查意见", "审查意见"), ("审核意见", "审查意见"),
        ("登记表", "台账"), ("汇总表", "台账"), ("统计表", "台账"), ("统计年报", "报告"), ("工作要点", "方案"), ("工作计划", "方案"),
        ("实施方案", "方案"), ("工作方案", "方案"), ("应急预案", "预案"), ("事项清单", "清单"), ("办事指南", "指南"),
        ("报告", "报告"), ("总结", "报告"), ("清单", "清单"), ("目录", "清单"), ("名录", "清单"), ("名单", "清单"),
        ("方案", "方案"), ("计划", "方案"), ("要点", "方案"), ("台账", "台账"), ("纪要", "纪要"), ("解读", "解读"),
        ("决定", "决定"), ("预案", "预案"), ("制度", "制度"), ("办法", "制度"), ("规定", "制度"), ("规则", "制度"), ("细则", "制度"),
        ("简报", "简报"), ("通报", "通报"), ("案卷", "案卷"), ("卷宗", "案卷"), ("意见书", "审查意见"), ("指南", "指南"),
        ("通知", "通知"), ("公告", "通知"),
    ];

    /// <summary>The verbs that say what an indicator's work is; a title that does the same thing is strong evidence.</summary>
    private static readonly string[] VerbWords =
    [
        "公布", "公开", "公示", "清理", "评查", "抽查", "备案", "报备", "听证", "审查", "审核", "论证", "评估", "征求意见",
        "考试", "培训", "演练", "宣誓", "旁听", "述法", "督察", "调解", "复议", "应诉", "出庭", "移送", "修复", "归档",
        "排查", "整改", "学法", "讲法", "普法", "考核", "承诺", "监督", "记录", "立卷", "解读",
    ];

    /// <summary>The kind of thing a title names: 关于印发…实施方案的通知 is a 方案, …工作情况报告 a 报告; null when it names none.</summary>
    public static string? TitleKind(string title)
    {
        // A covering notice (关于印发…方案的通知) names what it carries: the kind before it counts. A notice about
        // something (关于开展…案卷评查的通知) is a notice.
        var found = TitleWords.Find(title, TypeWords);
        return found.Count == 0 ? null : TitleWords.Named(title, found, kind => kind == "通知").Value;
    }

    /// <summary>Every kind a checklist item asks for ("报告文本", "会议纪要", "清单及网址").</summary>
    public static IReadOnlySet<string> KindsOf(string item)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var text = item;
        foreach (var (word, kind) in TypeWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                kinds.Add(kind);
                text = text.Replace(word, new string('　', word.Length), StringComparison.Ordinal);
            }
        }
        return kinds;
    }

    /// <summary>The verbs of <paramref name="text"/> that also say what indicators do.</summary>
    public static IReadOnlyList<string> VerbsOf(string text) => VerbWords.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();

    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?'];

    /// <summary>
    /// The first sentence of a text (to its first 。！？, at most 150 characters; blank lines and spaces before it left out),
    /// where a report says what was done when its headline does not (…为公务员任职培训班专题授课).
    /// </summary>
    public static string FirstSentence(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        var end = text.IndexOfAny(SentenceEnds, start);
        var stop = end < 0 ? text.Length : end + 1;
        return text[start..Math.Min(stop, start + 150)];
    }

    /// <summary>The text without its type words, so that what it is about is compared, not what it is.</summary>
    public static string Subject(string text)
    {
        foreach (var (word, _) in TypeWords)
        {
            text = text.Replace(word, " ", StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>Length of the longest run of Chinese characters the two texts share ("法治政府建设情况" → 8).</summary>
    public static int CommonRun(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        var best = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] && IsCjk(a[i - 1]) ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }
            (previous, current) = (current, previous);
        }
        return best;
    }

    private static bool IsCjk(char c) => c >= '\u4e00' && c <= '\u9fff';
}
