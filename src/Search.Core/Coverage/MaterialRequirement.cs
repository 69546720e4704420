using System.Text.RegularExpressions;
using Search.Core.Extraction;

namespace Search.Core.Coverage;

/// <summary>
/// What one material item asks for, read from its own words: the forms that fit (文件, 清单, 台账, 网址及截图…),
/// the subject those documents must be about, how many distinct documents it wants (案例5个, 五个…意见, 3份),
/// and the period they must fall in (2022年以来).
/// </summary>
public sealed partial record MaterialRequirement(string Item, IReadOnlySet<string> Forms, string Subject, IReadOnlyList<string> Segments, int Quantity, TimeWindow? Window)
{
    /// <summary>The form words the item ends in (要点, 报告, 目录…), finer than <see cref="Forms"/>.</summary>
    public IReadOnlyList<string> HeadWords { get; init; } = [];

    /// <summary>
    /// The separate requests the item bundles (突发事件监测预警、信息报告、调查评估等制度规则;
    /// 公布投诉举报电话网址、及建立的受理程序制度): a document that is one of them is the item. Empty when the item asks one thing.
    /// </summary>
    public IReadOnlyList<BundledRequest> Alternatives { get; init; } = [];

    /// <summary>
    /// The list an item asks for in a carrier (…事项目录文件, …收费事项清单文件): the 文件, 网址 or 截图 must be that list's, so a
    /// document that is no list and does not name it (a call for proposals of 决策事项) is not the item. Null when the item names none.
    /// </summary>
    public string? CarriedList { get; init; }

    /// <summary>
    /// What the material must concern, from "涉及…的" (涉及各类市场主体准入的…目录; 涉及信用修复、异议处理的…案例): a document
    /// must speak of one of these in full. Empty when the item says none.
    /// </summary>
    public IReadOnlyList<string> Concerning { get; init; } = [];

    [GeneratedRegex(@"涉及([^，,；;。的]{2,30})的")]
    private static partial Regex Concerns();

    [GeneratedRegex(@"[、或]|或者")]
    private static partial Regex ConcernSeparators();

    /// <summary>True when the item names no form (…资料, …情况): any document on the subject fits.</summary>
    public bool AnyForm => Forms.Count == 0;

    [GeneratedRegex(@"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"[(（][^)）]*[)）]")]
    private static partial Regex Parenthetical();

    private const string Digits = "0-9一二三四五六七八九十两";

    // "案例5个", "五个经过…的意见", "3份", "至少2件": a count of documents. "不超过3件" is a cap, "10家企业" is not documents.
    [GeneratedRegex($@"(?<!不超过|至多|最多|[{Digits}]\s*[-—–~至到])(?:([{Digits}]{{1,3}})\s*[-—–~至到]\s*)?([{Digits}]{{1,3}})\s*(个|份|件|篇|起|例)(?!月|工作日|小时|以上)")]
    private static partial Regex Count();

    [GeneratedRegex(@"(?:20\d{2}年?\s*[—–\-~至到、，,和及与]\s*)*20\d{2}年(?:以来|至今|起|度)?|近[一二三两]年")]
    private static partial Regex Years();

    [GeneratedRegex(@"[，,；;。]\s*(?:并)?(?:注明|标注|包括|含|说明|要求|体现)[^；;。]*")]
    private static partial Regex Instructions();

    /// <summary>Where an item lists several things: 、，；。 and 及/和/与/或/以及 (not 的, which ties a subject to its form).</summary>
    [GeneratedRegex(@"[、，,；;。：:]|以及|及其|及|和|与|或|并")]
    private static partial Regex PartSeparators();

    /// <summary>Joining words that separate the parts of a subject (…文件及调整后的公开网址).</summary>
    private static readonly string[] Joiners = ["具体", "任选", "印发", "以及", "及其", "相关", "有关", "其他", "提供", "请", "及", "和", "与", "或", "等", "的", "并", "、", "，", ",", "；", ";", "。", "：", ":", "“", "”", "\"", "《", "》", " "];

    /// <summary>Reads an item; the numbering (1. / (1) / 一、) and 请提供 are not part of what it asks.</summary>
    public static MaterialRequirement Parse(string item)
    {
        var text = Numbering().Replace(item.Trim(), "");
        var window = TimeWindow.Parse(text);
        var quantity = 1;
        foreach (Match m in Count().Matches(text))
        {
            // "任选3-5个" asks for at least the lower bound.
            var digits = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            var n = int.TryParse(digits, out var d) ? d : DocumentMetadataReader.ChineseNumber(digits.Replace('两', '二'));
            if (n is { } count)
            {
                quantity = Math.Max(quantity, Math.Clamp(count, 1, 20));
            }
        }
        var main = Parenthetical().Replace(text, "　");
        main = Years().Replace(main, "　");
        main = Count().Replace(main, "　");
        // Instructions after a comma (注明时间、案由…, 包括…) say how to present the item, not what it is about.
        main = Instructions().Replace(main, "");
        var forms = new HashSet<string>(StringComparer.Ordinal);
        var heads = new List<string>();
        string? listCarried = null;
        var parts = PartSeparators().Split(main).Select(part =>
        {
            var partHeads = new List<string>();
            var whole = part;
            var own = EvidenceForm.StripHead(ref part, partHeads);
            heads.AddRange(partHeads);
            forms.UnionWith(own);
            // "…事项目录文件": the 文件 carries the 目录 (stripped after it, so read before it). "…目录的文件" asks for the list too,
            // in whatever carries it, the minutes that adopt it among them: it names no one carrier.
            if (partHeads.Count >= 2 && EvidenceForm.FormOf(partHeads[^1]) == EvidenceForm.List
                && EvidenceForm.FormOf(partHeads[0]) is EvidenceForm.Policy or EvidenceForm.Web
                && whole.Contains(partHeads[^1] + partHeads[0], StringComparison.Ordinal))
            {
                listCarried ??= partHeads[^1];
            }
            return (Text: part, Forms: own);
        }).ToList();
        main = string.Join("　", parts.Select(p => p.Text));
        // Forms named only inside brackets (…情况（图片、台账、制度等资料）) are accepted too.
        foreach (Match p in Parenthetical().Matches(text))
        {
            foreach (var inner in PartSeparators().Split(p.Value.Trim('(', ')', '（', '）')))
            {
                var piece = inner;
                forms.UnionWith(EvidenceForm.StripHead(ref piece, heads));
            }
        }
        var segments = SegmentsOf(main);
        var alternatives = parts.Select(p => new BundledRequest(SegmentsOf(p.Text), p.Forms)).Where(p => p.Segments.Count > 0).ToList();
        return new MaterialRequirement(item, forms, string.Join(" ", segments), segments, quantity, window)
        {
            HeadWords = heads.Distinct().ToList(),
            CarriedList = listCarried,
            Concerning = Concerns().Matches(Parenthetical().Replace(text, "　"))
                .SelectMany(m => ConcernSeparators().Split(m.Groups[1].Value))
                .Select(p => p.Trim())
                .Where(p => p.Count(IsCjk) >= 2)
                .ToList(),
            Alternatives = alternatives.Count >= 2 ? alternatives : [],
        };
    }

    private static List<string> SegmentsOf(string text)
    {
        foreach (var word in Joiners)
        {
            text = text.Replace(word, "　", StringComparison.Ordinal);
        }
        return text.Split('　', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Count(IsCjk) >= 2)
            .ToList();
    }

    /// <summary>The character pairs of the subject, never across a joining word: what a fitting document's title or text must share.</summary>
    public IReadOnlyList<string> Bigrams { get; } = Segments.SelectMany(BigramsOf).Distinct().ToList();

    public static IEnumerable<string> BigramsOf(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsCjk(text[i]) && IsCjk(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    internal static bool IsCjk(char c) => c >= '\u4e00' && c <= '\u9fff';
}

/// <summary>
/// One of the requests an item bundles: its subject, and the forms it names of its own (公平竞争审查意见 asks for
/// 审查意见, not for any 文件 the item takes); none when it shares the item's.
/// </summary>
public sealed record BundledRequest(IReadOnlyList<string> Segments, IReadOnlySet<string> Forms);
