using System.Text.RegularExpressions;

namespace Search.Core.Frameworks;

/// <summary>
/// Reads the layout where every table cell starts a tab-indented line and wrapped cell text follows on
/// plain lines (沙坡头区 2023, 夏邑县 2023, and DOCX tables converted to the same cells). A row is a
/// 序号 cell and the cells after it; a row whose 序号 is empty continues the indicator above with
/// another lead unit and its own materials.
/// </summary>
public static partial class CellTableReader
{
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})、\s*(.+)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex BareNumber();

    public sealed record Cell(int Line, string Text);

    /// <summary>True when the text has a header row of tab-indented cells with 序号 and 牵头单位 or 责任单位.</summary>
    public static bool Detect(string text) => FindHeader(text.Replace("\r\n", "\n").Split('\n')) >= 0;

    public static FrameworkDraft Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var draft = new FrameworkDraft("cells");
        var start = FindHeader(lines);
        if (start < 0)
        {
            draft.Warnings.Add("未找到表头（序号、指标、牵头单位/责任单位）");
            return draft;
        }
        var (columns, firstCell) = ReadHeader(lines, start);
        var cells = Cells(lines, firstCell);
        Assign(cells, columns, draft);
        return draft;
    }

    /// <summary>Reads rows given as cells (from DOCX tables): the header row first.</summary>
    public static FrameworkDraft ReadRows(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var draft = new FrameworkDraft("docx-table");
        var headerIndex = rows.ToList().FindIndex(r => r.Any(c => c.Trim() == "序号") && r.Any(c => c.Contains("单位") || c.Contains("指标")));
        if (headerIndex < 0)
        {
            draft.Warnings.Add("表格中未找到表头（序号、指标、牵头单位/责任单位）");
            return draft;
        }
        var columns = ColumnRoles(rows[headerIndex]);
        var cells = new List<Cell>();
        for (var r = headerIndex + 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count == 1 || row.Skip(1).All(string.IsNullOrWhiteSpace) && SectionHeading().IsMatch(row[0].Trim()))
            {
                cells.Add(new Cell(r + 1, row[0].Trim()));
                continue;
            }
            if (row.Any(c => c.Trim() == "序号"))
            {
                continue;
            }
            cells.AddRange(row.Take(columns.Count).Select(c => new Cell(r + 1, CellText.Clean(c))));
            for (var missing = row.Count; missing < columns.Count; missing++)
            {
                cells.Add(new Cell(r + 1, ""));
            }
        }
        Assign(cells, columns, draft);
        return draft;
    }

    private static int FindHeader(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('\t') && lines[i].Trim() == "序号")
            {
                var header = lines.Skip(i).TakeWhile(l => l.StartsWith('\t')).Select(l => l.Trim()).ToList();
                if (header.Any(h => h.Contains("单位")) && header.Any(h => h.Contains("指标") || h.Contains("任务")))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    private static (List<string> Columns, int Next) ReadHeader(string[] lines, int start)
    {
        var header = new List<string>();
        var i = start;
        while (i < lines.Length && lines[i].StartsWith('\t'))
        {
            header.Add(lines[i].Trim());
            i++;
        }
        return (ColumnRoles(header), i);
    }

    /// <summary>Maps header names to roles: number, text, lead, responsible, materials, methods, explanation.</summary>
    public static List<string> ColumnRoles(IEnumerable<string> header) =>
        header.Select(h => h.Trim() switch
        {
            "序号" => "number",
            var x when x.Contains("牵头") => "lead",
            var x when x.Contains("责任单位") || x.Contains("配合") => "responsible",
            var x when x.Contains("材料") || x.Contains("资料") => "materials",
            var x when x.Contains("说明") => "explanation",
            var x when x.Contains("测评") || x.Contains("方法") => "methods",
            var x when x.Contains("指标") || x.Contains("任务") => "text",
            _ => "other",
        }).ToList();

    private static List<Cell> Cells(string[] lines, int from)
    {
        var cells = new List<Cell>();
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('\t'))
            {
                cells.Add(new Cell(i + 1, line.Trim()));
            }
            else if (line.Trim().Length > 0 && cells.Count > 0)
            {
                var last = cells[^1];
                cells[^1] = last with { Text = last.Text.Length == 0 ? line.Trim() : last.Text + "\n" + line.Trim() };
            }
        }
        return cells;
    }

    private static void Assign(List<Cell> cells, List<string> columns, FrameworkDraft draft)
    {
        var width = columns.Count;
        var i = 0;
        var bonusGroup = 0;
        var draftBonus = false;
        while (i < cells.Count)
        {
            var cell = cells[i];
            var firstLine = cell.Text.Split('\n')[0].Trim();
            if (SectionHeading().Match(firstLine) is { Success: true } section)
            {
                draft.StartSection(firstLine);
                i++;
                continue;
            }
            if (firstLine == "序号")
            {
                i += width;
                continue;
            }
            var isRow = BareNumber().IsMatch(cell.Text.Trim());
            var isContinuation = cell.Text.Trim().Length == 0 && draft.Current is not null && i + width <= cells.Count;
            if (!isRow && !isContinuation)
            {
                draft.Unassigned.Add(new UnassignedCell(cell.Line, cell.Text));
                i++;
                continue;
            }
            // A short row (e.g. "本项县区不涉及" in place of several cells) ends where the next number starts.
            var row = new List<Cell> { cell };
            var expectedNext = isRow ? int.Parse(cell.Text.Trim()) + 1 : (draft.Current?.Number ?? 0) + 1;
            for (var k = i + 1; k < cells.Count && row.Count < width; k++)
            {
                var next = cells[k].Text.Trim();
                if (next == expectedNext.ToString() || next == "1" && expectedNext > 50 || SectionHeading().IsMatch(next.Split('\n')[0]))
                {
                    break;
                }
                row.Add(cells[k]);
            }
            i += row.Count;
            string? Get(string role) => columns.IndexOf(role) is var index and >= 0 && index < row.Count ? row[index].Text : null;
            if (isRow && draft.Current is { } previous && int.Parse(cell.Text.Trim()) <= previous.Number && previous.Number >= 50)
            {
                // Numbering starts again after the last indicator: the 附加项 (bonus, then penalty items).
                var number = int.Parse(cell.Text.Trim());
                if (number == 1)
                {
                    bonusGroup++;
                }
                var kind = bonusGroup <= 1 ? "加分项" : "扣分项";
                draft.BonusItems.Add(new BonusItem(kind, number, (Get("text") ?? "").Replace("\n", ""), CellText.Units(Get("lead") ?? Get("responsible"))));
                draftBonus = true;
            }
            else if (draftBonus)
            {
                draft.Unassigned.Add(new UnassignedCell(cell.Line, string.Join(" ", row.Select(r => r.Text))));
            }
            else if (isRow)
            {
                draft.AddIndicator(int.Parse(cell.Text.Trim()), Get("text") ?? "", Get("lead"), Get("responsible"), Get("materials"), Get("methods"), Get("explanation"), cell.Line);
            }
            else
            {
                draft.AddContinuation(Get("text"), Get("lead"), Get("responsible"), Get("materials"), Get("methods"), Get("explanation"));
            }
        }
    }
}
