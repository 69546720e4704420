using System.Text.RegularExpressions;

namespace Search.Core.Frameworks;

/// <summary>
/// Reads the layout where a table row is one line of tab-separated cells, broken across pages with the
/// header repeated and wrapped text on lines of their own (枣庄市 2021, 莘县 2021, the 2019 national table).
/// Cells are recognised by content, not position, because the text form shifts columns; an indicator
/// number is accepted only where it follows the previous one closely, so garbled numbers are reported,
/// never invented.
/// </summary>
public static partial class RowTableReader
{
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})、\s*\S")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(\d{1,2})\s*[.．]\s*(\S.{1,60})$")]
    private static partial Regex GroupCell();

    [GeneratedRegex(@"^(\d{1,3})$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^(\d{1,3})\s+([\p{IsCJKUnifiedIdeographs}“].{4,})$")]
    private static partial Regex NumberedText();

    [GeneratedRegex(@"^[(（]\d{1,2}[)）]")]
    private static partial Regex MaterialItem();

    [GeneratedRegex(@"(委员会|人民政府|政府|办公室|局|厅|部|院|委|办|中心|分局|法院|检察院|各镇|街道|单位|部门)[）)]?$")]
    private static partial Regex UnitLike();

    /// <summary>The largest step accepted between consecutive indicator numbers.</summary>
    private const int MaxStep = 6;

    public static bool Detect(string text) => HeaderLine(text.Replace("\r\n", "\n").Split('\n')) >= 0;

    public static FrameworkDraft Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var draft = new FrameworkDraft("rows");
        var start = HeaderLine(lines);
        if (start < 0)
        {
            draft.Warnings.Add("未找到表头（一级指标、二级指标、三级指标）");
            return draft;
        }
        var last = 0;
        var inBonus = false;
        var bonusKind = "加分项";
        IndicatorDraft? current = null;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (raw.TrimStart().StartsWith("抄送", StringComparison.Ordinal))
            {
                // The distribution list closes the notice: the table has ended.
                break;
            }
            if (raw.Trim().Length == 0 || raw.Contains("一级指标") || raw.Trim('-', '\t', ' ').Length == 0)
            {
                continue;
            }
            var cells = raw.Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            int? number = null;
            string? indicatorText = null;
            var rest = new List<string>();
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c];
                if (SectionHeading().IsMatch(cell) && cell.Length <= 40)
                {
                    inBonus = cell.Contains("附加项");
                    if (!inBonus)
                    {
                        draft.StartSection(cell);
                    }
                    continue;
                }
                if (number is null && GroupCell().Match(cell) is { Success: true } group && cell.Length <= 50)
                {
                    draft.Group = group.Groups[2].Value.Trim();
                    bonusKind = draft.Group.Contains("扣分") || draft.Group.Contains("减分") || draft.Group.Contains("否决") ? draft.Group : "加分项";
                    continue;
                }
                if (number is null && NumberCell().Match(cell) is { Success: true } n && c + 1 < cells.Count)
                {
                    number = int.Parse(n.Groups[1].Value);
                    indicatorText = cells[++c];
                    continue;
                }
                if (number is null && NumberedText().Match(cell) is { Success: true } nt)
                {
                    number = int.Parse(nt.Groups[1].Value);
                    indicatorText = nt.Groups[2].Value;
                    continue;
                }
                rest.Add(cell);
            }

            if (inBonus && number is not null)
            {
                draft.BonusItems.Add(new BonusItem(bonusKind, number.Value, indicatorText!, rest.Where(r => UnitLike().IsMatch(r)).SelectMany(CellText.Units).ToList()));
                current = null;
                continue;
            }
            if (number is { } accepted && accepted > last && accepted <= last + (last == 0 ? 10 : MaxStep))
            {
                var (lead, responsible, materials, methods) = Classify(rest);
                draft.AddIndicator(accepted, indicatorText!, lead, responsible, materials, methods, null, i + 1);
                current = draft.Current;
                last = accepted;
                continue;
            }
            if (number is not null)
            {
                draft.Unassigned.Add(new UnassignedCell(i + 1, raw.Trim()));
                continue;
            }
            if (current is not null && !inBonus)
            {
                // A wrapped line: more indicator text, more materials, or units of the indicator above.
                var (lead, responsible, materials, methods) = Classify(rest);
                var plain = rest.Where(r => !MaterialItem().IsMatch(r) && !UnitLike().IsMatch(r) && CellText.Methods(r).Count == 0).ToList();
                draft.AddContinuation(plain.Count > 0 && materials is null ? string.Join("", plain) : null, lead, responsible, materials, methods, null);
            }
            else if (rest.Count > 0)
            {
                draft.Unassigned.Add(new UnassignedCell(i + 1, raw.Trim()));
            }
        }
        return draft;
    }

    private static int HeaderLine(string[] lines) =>
        Array.FindIndex(lines, l => l.Contains("一级指标") && l.Contains("三级指标") && l.Contains('\t'));

    /// <summary>Sorts the cells after an indicator's text: methods, material items, then lead and responsible units.</summary>
    private static (string? Lead, string? Responsible, string? Materials, string? Methods) Classify(List<string> cells)
    {
        string? methods = null, materials = null, lead = null, responsible = null;
        foreach (var cell in cells)
        {
            if (CellText.Methods(cell).Count > 0 && cell.Length <= 40)
            {
                methods = methods is null ? cell : methods + "、" + cell;
            }
            else if (MaterialItem().IsMatch(cell) || cell.Length > 40)
            {
                materials = materials is null ? cell : materials + "\n" + cell;
            }
            else if (cell.Split(['、', '，', ' ']).All(part => UnitLike().IsMatch(part.Trim())))
            {
                if (lead is null)
                {
                    lead = cell;
                }
                else
                {
                    responsible = responsible is null ? cell : responsible + "、" + cell;
                }
            }
        }
        return (lead, responsible, materials, methods);
    }
}
