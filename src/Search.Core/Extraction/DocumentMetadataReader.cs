using System.Text.RegularExpressions;

namespace Search.Core.Extraction;

/// <summary>Reads a document's metadata from its text, its file name and the folder path it came in.</summary>
public static partial class DocumentMetadataReader
{
    private const string CnDigit = "〇○零一二三四五六七八九十";

    [GeneratedRegex(@"([\p{IsCJKUnifiedIdeographs}]{1,15})\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(第?\s*\d{1,4})\s*号")]
    private static partial Regex DocNumberPattern();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex ArabicDate();

    [GeneratedRegex($@"([二一][{CnDigit}]{{3}})年([{CnDigit}]{{1,2}})月([{CnDigit}]{{1,3}})日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    // A folder or file name that clearly names an indicator: "12-公平竞争审查", "12、…", "12.…", "第35项-…" (a number and a
    // separator at the very start, then words, or a year and 年: "30-2025年度…目录"), "指标12", "指标十二", "第12项指标",
    // "12号指标". Bare numbers ("063.txt"), 附件N, 第N批/期/次/号, years and dates name no indicator.
    [GeneratedRegex(@"^\s*(?:第\s*)?0*(\d{1,3})\s*(?:项\s*)?[-－—_、.．]\s*(?=[\p{L}]{2}|(?:19|20)\d{2}\s*年)")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"指标\s*(?:第\s*)?0*(\d{1,3})(?!\d)|第\s*0*(\d{1,3})\s*项指标|(?<![\d.])0*(\d{1,3})\s*号指标")]
    private static partial Regex NamedNumber();

    [GeneratedRegex($@"指标\s*(?:第)?([{CnDigit}百]{{1,4}})|第([{CnDigit}百]{{1,4}})项指标|([{CnDigit}百]{{1,4}})号指标")]
    private static partial Regex NamedChineseNumber();

    [GeneratedRegex(@"(绝密|机密|秘密)\s*★|★\s*(绝密|机密|秘密)|^\s*(绝密|机密|秘密)\s*级?\s*$|^\s*(绝密|机密|秘密)级|^[【（(]?\s*涉密\s*[】）)]?$", RegexOptions.Multiline)]
    private static partial Regex ClassificationMark();

    [GeneratedRegex(@"关于.{2,80}的(通知|意见|方案|办法|报告|决定|批复|函|规定|细则|纪要|总结|计划|通报|公告|规划|请示|复函)")]
    private static partial Regex NoticeTitle();

    [GeneratedRegex(@"(委员会|人民政府|政府|办公室|办公厅|局|厅|部|院|委|办|中心|小组|分局|法院|检察院)$")]
    private static partial Regex UnitSuffix();

    public static DocumentMetadata Read(string fileName, string relativePath, ExtractionResult extracted)
    {
        var lines = extracted.Sections.Select(s => s.Text.Trim()).Where(t => t.Length > 0).ToList();
        var text = string.Join('\n', lines);

        var docNumber = DocNumberPattern().Match(text) is { Success: true } m
            ? $"{m.Groups[1].Value}〔{m.Groups[2].Value}〕{m.Groups[3].Value.Replace(" ", "")}号"
            : null;
        // A table's cells are its rows' dates (受理日期), never the document's own: only prose and headings date it.
        var prose = extracted.Sections.Where(s => s.Kind != SectionKind.TableRow).Select(s => s.Text.Trim()).Where(t => t.Length > 0).ToList();
        var (date, dateLine) = FindDate(prose);
        if (dateLine >= 0 && dateLine < prose.Count)
        {
            dateLine = lines.IndexOf(prose[dateLine]);
        }
        var fromNumber = false;
        if (date is null && docNumber is not null)
        {
            date = new DateOnly(int.Parse(DocNumberPattern().Match(text).Groups[2].Value), 1, 1);
            fromNumber = true;
        }
        var issuingBody = dateLine > 0 && lines[dateLine - 1].Length <= 40 && UnitSuffix().IsMatch(lines[dateLine - 1].Replace(" ", ""))
            ? lines[dateLine - 1].Replace(" ", "").Replace("\u3000", "")
            : lines.Take(5).FirstOrDefault(l => l.EndsWith("文件", StringComparison.Ordinal) && l.Length <= 40) is { } heading
                ? heading[..^2].Trim()
                : null;

        return new DocumentMetadata(
            Title(fileName, lines, extracted),
            docNumber,
            date,
            fromNumber,
            issuingBody,
            Url().Matches(text).Select(u => u.Value.TrimEnd('.', ',', ';', ')', ']')).Distinct().ToList(),
            IndicatorHints(relativePath),
            ClassificationMarks(lines));
    }

    /// <summary>Indicator numbers a path names clearly, folder by folder and in the file name (see <see cref="LeadingNumber"/>).</summary>
    public static IReadOnlyList<int> IndicatorHints(string relativePath)
    {
        var segments = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0)
        {
            segments[^1] = Path.GetFileNameWithoutExtension(segments[^1]);
        }
        var hints = new List<int>();
        foreach (var segment in segments)
        {
            if (LeadingNumber().Match(segment) is { Success: true } leading)
            {
                hints.Add(int.Parse(leading.Groups[1].Value));
            }
            foreach (Match m in NamedNumber().Matches(segment))
            {
                hints.Add(int.Parse(m.Groups.Values.Skip(1).First(g => g.Success).Value));
            }
            foreach (Match m in NamedChineseNumber().Matches(segment))
            {
                if (ChineseNumber(m.Groups.Values.Skip(1).First(g => g.Success).Value) is { } n)
                {
                    hints.Add(n);
                }
            }
        }
        return hints.Where(n => n is >= 1 and <= 150).Distinct().ToList();
    }

    public static int? ChineseNumber(string text)
    {
        var digits = new Dictionary<char, int> { ['〇'] = 0, ['○'] = 0, ['零'] = 0, ['一'] = 1, ['二'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9 };
        if (text.Length == 0)
        {
            return null;
        }
        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (digits.TryGetValue(c, out var d))
            {
                current = current * (text.Contains('十') || text.Contains('百') ? 1 : 10) + d;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else
            {
                return null;
            }
        }
        return total + current;
    }

    /// <summary>The date a plain text states for itself, found as ingestion finds it (the 成文日期 line first).</summary>
    public static DateOnly? DateOf(string text) =>
        FindDate(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList()).Date;

    private static (DateOnly? Date, int Line) FindDate(List<string> lines)
    {
        // The 成文日期 stands alone on its line; take the first such line, else the first date anywhere.
        DateOnly? first = null;
        var firstLine = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Replace(" ", "").Replace("\u3000", "");
            var date = ParseDate(line);
            if (date is null)
            {
                continue;
            }
            if (line.Length <= 14)
            {
                return (date, i);
            }
            if (first is null)
            {
                first = date;
                firstLine = -1;
            }
        }
        return (first, firstLine);
    }

    public static DateOnly? ParseDate(string text)
    {
        if (ArabicDate().Match(text) is { Success: true } a && Valid(int.Parse(a.Groups[1].Value), int.Parse(a.Groups[2].Value), int.Parse(a.Groups[3].Value)) is { } d1)
        {
            return d1;
        }
        if (ChineseDate().Match(text) is { Success: true } c)
        {
            var year = int.Parse(string.Concat(c.Groups[1].Value.Select(ch => (char)('0' + (ChineseNumber(ch.ToString()) ?? 0)))));
            if (ChineseNumber(c.Groups[2].Value) is { } month && ChineseNumber(c.Groups[3].Value) is { } day && Valid(year, month, day) is { } d2)
            {
                return d2;
            }
        }
        if (IsoDate().Match(text) is { Success: true } iso && Valid(int.Parse(iso.Groups[1].Value), int.Parse(iso.Groups[2].Value), int.Parse(iso.Groups[3].Value)) is { } d3)
        {
            return d3;
        }
        return null;
    }

    private static DateOnly? Valid(int year, int month, int day) =>
        year is >= 1949 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>
    /// The title a text gives itself, read the way ingestion reads a file's (a 关于…的通知 line in its head, else a
    /// short line near the top); "" when it gives none. For texts pasted or classified without a title.
    /// </summary>
    public static string TitleOf(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(20).ToList();
        return NoticeTitleIn(lines) ?? TopLine(lines) ?? "";
    }

    private static string? NoticeTitleIn(List<string> lines)
    {
        var head = lines.Take(20).ToList();
        // A notice title may wrap over up to three lines: "关于印发《…" / "…》的通知".
        for (var i = 0; i < head.Count; i++)
        {
            if (!head[i].Contains("关于", StringComparison.Ordinal))
            {
                continue;
            }
            var joined = "";
            for (var k = i; k < Math.Min(head.Count, i + 3); k++)
            {
                joined += head[k].Trim();
                var flat = joined.Replace(" ", "");
                if (NoticeTitle().Match(flat) is { Success: true } notice && !Cited(flat, notice.Index))
                {
                    return Shorten(joined.Length <= 100 ? joined : notice.Value);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// True when the 关于… title found at <paramref name="at"/> is one the line cites (你局《关于提请审查…的函》收悉, 根据“关于…的通知”)
    /// rather than the line's own: a quotation mark or bracket opens just before it.
    /// </summary>
    private static bool Cited(string line, int at) => at > 0 && "《〈“「『\"'".Contains(line[at - 1]);

    // A short line near the top that is not a label ("附件1"), a number, a date, an addressee ("各乡镇人民政府："), a
    // sentence, a site's or paper's byline ("四川新闻网-首屏新闻", "本报讯"), or the issuer's masthead above the title
    // ("沙坡头区司法局", "中卫市沙坡头区人民政府文件") reads as the title.
    private static string? TopLine(List<string> lines) =>
        lines.Take(10).FirstOrDefault(l => l.Length is >= 6 and <= 60 && !l.StartsWith("附件", StringComparison.Ordinal)
            && !DocNumberPattern().IsMatch(l) && ParseDate(l) is null && l.Count(CjkOrLetter) >= l.Length * 0.6
            && !NotATitleEnd.Contains(l[^1]) && !Byline(l) && !Masthead(l))?.Trim();

    /// <summary>An issuer's name alone on a line, or its 红头 (…文件), at most 30 characters: who issues, not what.</summary>
    private static bool Masthead(string line)
    {
        var bare = line.Replace(" ", "").Replace("\u3000", "");
        if (bare.EndsWith("文件", StringComparison.Ordinal))
        {
            bare = bare[..^2];
        }
        return bare.Length <= 30 && UnitSuffix().IsMatch(bare) && !bare.Contains("关于", StringComparison.Ordinal);
    }

    private const string NotATitleEnd = ":：。；;，,";

    private static bool Byline(string line) =>
        line.Contains("网-", StringComparison.Ordinal) || line.Contains("网—", StringComparison.Ordinal)
        || line.StartsWith("本报讯", StringComparison.Ordinal) || line.StartsWith("来源", StringComparison.Ordinal)
        || line.StartsWith("发布时间", StringComparison.Ordinal) || line.StartsWith("作者", StringComparison.Ordinal);

    private static string Title(string fileName, List<string> lines, ExtractionResult extracted)
    {
        // Never a table row: a register's cell (关于印发…的通知 in a 重大行政决策事项目录) names a row's entry, not the document.
        var rows = extracted.Sections.Where(s => s.Kind == SectionKind.TableRow).Select(s => s.Text.Trim()).ToHashSet();
        if (NoticeTitleIn(lines.Where(l => !rows.Contains(l)).ToList()) is { } notice)
        {
            return notice;
        }
        if (extracted.Sections.FirstOrDefault(s => s.Kind == SectionKind.Heading && s.Text.Length is >= 4 and <= 100) is { } heading)
        {
            return Shorten(heading.Text.Trim());
        }
        if (!string.IsNullOrWhiteSpace(extracted.Title))
        {
            return Shorten(extracted.Title.Trim());
        }
        // Nor here: a header row or a ledger line is not a title.
        return TopLine(lines.Take(10).Where(l => !rows.Contains(l)).ToList()) ?? Path.GetFileNameWithoutExtension(fileName);
    }

    private static bool CjkOrLetter(char c) => char.IsLetter(c);

    private static string Shorten(string title) => title.Length <= 120 ? title : title[..120];

    private static IReadOnlyList<string> ClassificationMarks(List<string> lines)
    {
        var marks = new List<string>();
        // Marks sit at the top of a page or alone on a line; prose that mentions secrecy is not a mark.
        foreach (var line in lines.Where(l => l.Length <= 30))
        {
            foreach (Match m in ClassificationMark().Matches(line))
            {
                marks.Add(m.Value.Trim());
            }
        }
        return marks.Distinct().ToList();
    }
}
