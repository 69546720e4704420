using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Search.Core.Extraction.Office;

namespace Search.Core.Frameworks;

/// <summary>A framework as an XLSX ledger, one row per indicator × material item, the way departments keep theirs; reads back what it writes.</summary>
public static class FrameworkLedger
{
    private static readonly string[] Header = ["序号", "一级指标序号", "一级指标", "二级指标", "指标内容", "牵头单位", "责任单位", "测评方法", "情况说明内容", "材料提供单位", "材料序号", "材料"];

    public static void Write(Framework framework, string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "指标" }));
        data.AppendChild(SpreadsheetCells.InlineRow(Header));
        foreach (var i in framework.Indicators)
        {
            string[] head = [i.Number.ToString(), i.Section.ToString(), i.SectionTitle ?? "", i.Group ?? "", i.Text, string.Join("\n", i.LeadUnits),
                string.Join("\n", i.ResponsibleUnits), string.Join("、", i.Methods), string.Join("\n", i.Explanation)];
            var any = false;
            foreach (var group in i.Materials)
            {
                for (var n = 0; n < group.Items.Count; n++)
                {
                    data.AppendChild(SpreadsheetCells.InlineRow([.. head, group.LeadUnit ?? "", (n + 1).ToString(), group.Items[n]]));
                    any = true;
                }
            }
            if (!any)
            {
                data.AppendChild(SpreadsheetCells.InlineRow([.. head, "", "", ""]));
            }
        }
        workbook.Workbook.Save();
    }

    public static Framework Read(string path, string id, string name)
    {
        Extraction.ZipGuard.Check(path, new Extraction.ExtractionOptions(), "XLSX 文件");
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new Configuration.InvalidInputException($"{Path.GetFileName(path)}：不是有效的 XLSX 文件", path);
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheetPart = workbook.WorksheetParts.First();
        var rows = sheetPart.Worksheet!.Descendants<Row>().Select(r => SpreadsheetCells.Values(r, shared)).ToList();
        if (rows.Count == 0 || !rows[0].SequenceEqual(Header))
        {
            throw new Configuration.InvalidInputException($"{Path.GetFileName(path)}：表头应为 {string.Join("、", Header)}", path);
        }
        var indicators = new List<Indicator>();
        var sections = new Dictionary<int, string>();
        foreach (var group in rows.Skip(1).Where(r => r.Length > 0 && r[0].Length > 0).GroupBy(r => r[0]))
        {
            var first = group.First();
            if (!int.TryParse(first[0], out var number))
            {
                throw new Configuration.InvalidInputException($"{Path.GetFileName(path)}：序号“{first[0]}”不是数字", path);
            }
            var section = int.TryParse(Cell(first, 1), out var s) ? s : 0;
            if (section > 0 && Cell(first, 2).Length > 0)
            {
                sections[section] = Cell(first, 2);
            }
            var materials = group.Where(r => Cell(r, 11).Length > 0)
                .GroupBy(r => Cell(r, 9))
                .Select(g => new MaterialGroup(g.Key.Length == 0 ? null : g.Key, g.Select(r => Cell(r, 11)).ToList()))
                .ToList();
            indicators.Add(new Indicator
            {
                Number = number,
                Section = section,
                SectionTitle = Cell(first, 2).Length == 0 ? null : Cell(first, 2),
                Group = Cell(first, 3).Length == 0 ? null : Cell(first, 3),
                Text = Cell(first, 4),
                LeadUnits = Lines(Cell(first, 5)),
                ResponsibleUnits = Lines(Cell(first, 6)),
                Methods = Cell(first, 7).Split('、', StringSplitOptions.RemoveEmptyEntries).ToList(),
                Explanation = Lines(Cell(first, 8)),
                Materials = materials,
                TimeWindows = CellText.TimeWindows(materials.SelectMany(m => m.Items).Prepend(Cell(first, 4))),
            });
        }
        var numbers = indicators.Select(i => i.Number).ToList();
        return new Framework
        {
            Id = id,
            Name = name,
            Source = Path.GetFileName(path),
            Sections = sections.OrderBy(kv => kv.Key).Select(kv => new FrameworkSection(kv.Key, kv.Value)).ToList(),
            Indicators = indicators.OrderBy(i => i.Number).ToList(),
            Report = new ParseReport
            {
                Layout = "xlsx",
                MissingNumbers = numbers.Count == 0 ? [] : Enumerable.Range(1, numbers.Max()).Except(numbers).ToList(),
            },
        };
    }

    private static string Cell(string[] row, int index) => index < row.Length ? row[index] : "";

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
