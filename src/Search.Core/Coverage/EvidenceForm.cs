using Search.Core.Matching;

namespace Search.Core.Coverage;

/// <summary>
/// The forms evidence takes, in the words material checklists use: a 文件 (notice, plan, rules), a 清单, a 台账,
/// a 网址及截图, a 案卷, a 报告, 案例, 审查意见, 纪要, 简报, 图片, 样本. A checklist item names the forms it accepts;
/// a document is one or more of them. Both sides read the same word table, so they cannot drift apart.
/// </summary>
public static partial class EvidenceForm
{
    public const string Policy = "文件";
    public const string List = "清单";
    public const string Ledger = "台账";
    public const string Web = "网址及截图";
    public const string CaseFile = "案卷";
    public const string Report = "报告";
    public const string Case = "案例";
    public const string Opinion = "审查意见";
    public const string Minutes = "纪要";
    public const string News = "简报";
    public const string Photo = "图片";
    public const string Template = "样本";

    /// <summary>Words naming a form, longest first so that 会议纪要 is read before 纪要 and 决定书 before 决定.</summary>
    internal static readonly (string Word, string Form)[] Words =
    [
        ("会议纪要", Minutes), ("会议记录", Minutes), ("制度规则", Policy), ("制度机制", Policy), ("规章制度", Policy),
        ("新闻报道", News), ("简报信息", News), ("工作信息", News), ("信息报道", News), ("宣传信息", News), ("情况说明", Report), ("格式样本", Template), ("示范文本", Template), ("审查意见", Opinion), ("审核意见", Opinion),
        ("法律意见", Opinion), ("论证意见", Opinion), ("评估报告", Report), ("统计年报", Report), ("一览表", Ledger), ("登记表", Ledger),
        ("汇总表", Ledger), ("统计表", Ledger), ("受理表", Ledger), ("安排表", Ledger), ("计划表", Ledger), ("课程表", Ledger), ("明细表", Ledger), ("登记簿", Ledger), ("决定书", CaseFile), ("判决书", CaseFile),
        ("裁定书", CaseFile), ("意见书", Opinion), ("工作要点", Policy), ("实施方案", Policy), ("工作方案", Policy), ("应急预案", Policy),
        ("网上公布", Web), ("网上公开", Web),
        ("台账", Ledger), ("清单", List), ("目录", List), ("名录", List), ("名单", List), ("网址", Web), ("截图", Web), ("网站", Web),
        ("网页", Web), ("链接", Web), ("案卷", CaseFile), ("卷宗", CaseFile), ("报告", Report), ("总结", Report), ("汇报", Report), ("年报", Report),
        ("案例", Case), ("纪要", Minutes), ("简报", News), ("报道", News), ("图片", Photo), ("照片", Photo), ("样本", Template), ("范本", Template),
        ("原件", Policy), ("通知", Policy), ("方案", Policy), ("办法", Policy), ("规定", Policy), ("细则", Policy), ("规则", Policy), ("制度", Policy), ("预案", Policy),
        ("决定", Policy), ("意见", Policy), ("批复", Policy), ("计划", Policy), ("要点", Policy), ("机制", Policy), ("文件", Policy), ("通报", Policy),
    ];

    private static readonly string[] WebTitleWords = ["截图", "网址", "网站", "网页", "公开情况", "公布情况", "链接"];

    /// <summary>Words that ask for something without naming its form: any form fits.</summary>
    internal static readonly string[] GenericWords = ["资料", "材料", "情况", "记录", "档案", "证明", "内容"];

    /// <summary>Policy words that name rules: a 制度, 办法, 细则… (制度规则, 规章制度 are one word for them).</summary>
    private static readonly string[] RuleWords = ["制度", "办法", "规定", "细则", "规则", "机制", "意见", "制度规则", "制度机制", "规章制度"];

    /// <summary>
    /// Policy words by what they are: a notice about something, a plan, or rules. An item that asks for a 要点 or a
    /// 制度 wants that, not any notice on the subject; an item that asks for 文件 or 原件 takes any of them.
    /// </summary>
    private static readonly string[][] PolicyFamilies =
    [
        ["通知", "通报", "公告", "决定", "批复"],
        ["方案", "计划", "要点", "预案", "工作要点", "实施方案", "工作方案", "应急预案"],
        RuleWords,
    ];

    /// <summary>True when a document whose title names <paramref name="titleWord"/> is the kind of policy the item's <paramref name="heads"/> ask for.</summary>
    public static bool PolicyFits(IReadOnlyCollection<string> heads, string? titleWord)
    {
        var policyHeads = heads.Where(h => Words.Any(w => w.Word == h && w.Form == Policy)).ToList();
        if (policyHeads.Count == 0 || policyHeads.Any(h => h is "文件" or "原件"))
        {
            return true;
        }
        if (titleWord is null)
        {
            return false;
        }
        return policyHeads.Any(h => h == titleWord || PolicyFamilies.Any(f => f.Contains(h) && f.Contains(titleWord)));
    }

    /// <summary>The form a form word names (目录 → 清单, 文件 → 文件), or null for a word that names none.</summary>
    public static string? FormOf(string word) => Words.FirstOrDefault(w => w.Word == word).Form;

    /// <summary>The form word a title's form was read from (关于印发…制度的通知 → 制度), or null.</summary>
    public static string? TitleWord(string title) => NamedWord(title)?.Word;

    /// <summary>
    /// Takes the forms a part of an item ends in ("…权力清单制度的文件" → 文件; "…案件目录汇总表" → 汇总表, 目录) off its end and
    /// returns them; form words inside the subject (权力清单制度, 行政规范性文件的…意见) stay part of what it is about.
    /// 文件 is a form only as the very last word: 行政规范性文件目录 asks for a 目录 about 行政规范性文件.
    /// </summary>
    internal static HashSet<string> StripHead(ref string part, ICollection<string>? heads = null)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        part = part.TrimEnd();
        // "…信息简报等资料": the generic word closes the list, the form before it is what is asked.
        foreach (var generic in GenericWords)
        {
            if (part.EndsWith(generic, StringComparison.Ordinal))
            {
                part = part[..^generic.Length].TrimEnd('等', '的');
            }
        }
        string? previous = null;
        for (var first = true; ; first = false)
        {
            var trimmed = part.TrimEnd('等', ' ', '　');
            // "…事项目录的文件" is the 文件 of the 目录 as much as "…事项目录文件" is; "…清单制度的文件" is a 文件 of rules on a 清单.
            var bridged = previous == "文件" && trimmed.EndsWith('的');
            trimmed = bridged ? trimmed.TrimEnd('的') : trimmed;
            // Only lists, ledgers and web words chain (案件目录汇总表, 网上公布截图): 执法决定目录 asks for a 目录 of 决定.
            // Rules name the kind of 文件 they are in (…相关制度文件, …制度机制文件): 文件 of rules.
            var match = Words.FirstOrDefault(w => trimmed.EndsWith(w.Word, StringComparison.Ordinal)
                && (bridged ? w.Form is List or Ledger
                    : first || (w.Word != "文件" && w.Form is List or Ledger or Web) || (previous == "文件" && RuleWords.Contains(w.Word))));
            if (match.Word is null)
            {
                break;
            }
            forms.Add(OpinionOrPolicy(trimmed, match.Word, match.Form));
            heads?.Add(match.Word);
            part = trimmed[..^match.Word.Length];
            previous = match.Word;
        }
        part = part.TrimEnd('的', '等', ' ', '　');
        return forms;
    }

    /// <summary>Replaces every form word of <paramref name="text"/> by <paramref name="filler"/> and returns the forms found.</summary>
    internal static HashSet<string> Strip(ref string text, char filler)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, form) in Words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                forms.Add(OpinionOrPolicy(text, word, form));
                text = text.Replace(word, new string(filler, word.Length), StringComparison.Ordinal);
            }
        }
        return forms;
    }

    /// <summary>"经过公平竞争审查的意见" asks for review opinions; "关于…的实施意见" is a policy.</summary>
    private static string OpinionOrPolicy(string text, string word, string form)
    {
        if (word != "意见")
        {
            return form;
        }
        var at = text.LastIndexOf(word, StringComparison.Ordinal);
        var before = text[Math.Max(0, at - 8)..at];
        return before.Contains("审查", StringComparison.Ordinal) || before.Contains("审核", StringComparison.Ordinal) || before.Contains("论证", StringComparison.Ordinal)
            ? Opinion
            : form;
    }

    /// <summary>
    /// What a document is, from its title first (the last form word of the title names it; a covering notice
    /// 关于印发…方案的通知 is the 方案 it carries), then from its format and what it holds (a spreadsheet is a 台账,
    /// a page or screenshot with an address is a 网址及截图, a 文号 makes a 文件).
    /// </summary>
    public static IReadOnlySet<string> OfDocument(string title, string fileKind, bool hasDocNumber, bool hasAddress, string head)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        if (TitleForm(title) is { } titleForm)
        {
            forms.Add(titleForm);
        }
        var kind = fileKind.ToLowerInvariant();
        if (kind is "xlsx" or "xls" or "et" or "csv")
        {
            forms.Add(Ledger);
            forms.Add(List);
        }
        var image = kind is "png" or "jpeg" or "tiff" or "bmp" or "gif";
        if (image)
        {
            forms.Add(Photo);
        }
        // A notice that mentions where something is published is a 文件; a page, a screenshot or a file that says it is one is a 网址及截图.
        if (kind is "html" or "mht" || (hasAddress && (image || WebTitleWords.Any(w => title.Contains(w, StringComparison.Ordinal)))))
        {
            forms.Add(Web);
        }
        // A page whose head says when and where it was published (发布时间, 来源：), or a piece signed off as one
        // (（区司法局　供稿）), whose title names no form is a news item.
        if (forms.Count == 0 && IsNews(head))
        {
            forms.Add(News);
        }
        if (hasDocNumber && forms.Count == 0)
        {
            forms.Add(Policy);
        }
        // A ledger's rows are a list of what they record (受理登记表 is a 目录 of the cases).
        if (forms.Contains(Ledger))
        {
            forms.Add(List);
        }
        if (title.Contains("案例", StringComparison.Ordinal))
        {
            forms.Add(Case);
        }
        return forms;
    }

    private static readonly string[] NewsMarks = ["发布时间", "来源：", "本报讯", "记者"];

    /// <summary>Characters of a document's start where publication marks (发布时间, 来源：) are looked for.</summary>
    private const int NewsMarkCharacters = 300;

    /// <summary>
    /// The sign-off of a news piece as units send it in: its last line, in brackets, names who wrote it
    /// (（区人大常委会办公室　供稿）, （通讯员　马丽）) or the unit and the day (（区应急管理局　2023年6月21日）).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[（(][^（）()]{0,40}(?:供稿|通讯员|记者|撰稿|20\d{2}年\d{1,2}月\d{1,2}日)[^（）()]{0,20}[）)]$")]
    private static partial System.Text.RegularExpressions.Regex SignOff();

    private static bool IsNews(string head)
    {
        var start = head.Length > NewsMarkCharacters ? head[..NewsMarkCharacters] : head;
        if (NewsMarks.Any(m => start.Contains(m, StringComparison.Ordinal)))
        {
            return true;
        }
        var last = head.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is not null && SignOff().IsMatch(last);
    }

    /// <summary>Words a covering notice uses for what it carries: 关于印发…方案的通知, 关于公布…清单的通知.</summary>
    private static readonly string[] CoveringWords = ["印发", "转发", "公布", "发布"];

    /// <summary>Words that may follow a title's form word without making it something else (…截图说明, …清单汇总).</summary>
    private static readonly string[] TailWords = ["说明", "汇总", "的通知", "通知", "附件", "年版", "修订", "试行", "暂行"];

    /// <summary>
    /// The form a title names, or null: the last form word wins, except that a covering notice names what it carries;
    /// a form word followed by other words (行政执法案卷集中评查) is part of the subject, not what the document is.
    /// </summary>
    public static string? TitleForm(string title) => NamedWord(title)?.Form;

    private static (string Word, string Form)? NamedWord(string title)
    {
        // A form word in brackets (…工作要点（征求意见稿）) says what state the document is in, not what it is.
        var inBrackets = Parenthesised().Matches(title).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var found = TitleWords.Find(title, Words)
            .Where(f => !inBrackets.Any(b => f.At >= b.Index && f.At < b.End))
            .Select(f => (f.At, f.Word, Value: OpinionOrPolicy(title[..(f.At + f.Word.Length)], f.Word, f.Value))).ToList();
        if (found.Count == 0)
        {
            return null;
        }
        // 关于印发…实施方案的通知 carries a 方案; a notice about a report (关于报送…报告的通知) is still a notice.
        var covering = CoveringWords.Any(w => title.Contains(w, StringComparison.Ordinal));
        var named = found[^1].Value == Policy && covering && found.Count > 1 ? found[^2] : found[^1];
        var tail = Bracketed().Replace(title[(named.At + named.Word.Length)..], "");
        foreach (var word in TailWords)
        {
            tail = tail.Replace(word, "", StringComparison.Ordinal);
        }
        return tail.Count(MaterialRequirement.IsCjk) >= 2 ? null : (named.Word, named.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[(（][^)）]*[)）]")]
    private static partial System.Text.RegularExpressions.Regex Parenthesised();

    [System.Text.RegularExpressions.GeneratedRegex(@"[(（][^)）]*[)）]|[《》“”""0-9０-９]")]
    private static partial System.Text.RegularExpressions.Regex Bracketed();
}
