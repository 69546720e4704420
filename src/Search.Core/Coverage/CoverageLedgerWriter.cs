using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Search.Core.Extraction.Office;

namespace Search.Core.Coverage;

/// <summary>Writes the coverage ledger the way departments keep theirs: one row per indicator × material item.</summary>
public static class CoverageLedgerWriter
{
    public static readonly string[] Header = ["指标序号", "一级指标", "指标内容", "牵头单位", "材料提供单位", "材料", "状态", "佐证文件", "时限外", "建议"];

    public static void Write(CoverageReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "覆盖情况" }));

        data.AppendChild(SpreadsheetCells.InlineRow(Header));
        foreach (var i in report.Indicators)
        {
            var titles = i.Evidence.ToDictionary(e => e.DocumentId, e => e.Title);
            var suggestions = string.Join("；", i.Suggestions.Select(s => s.DocumentId.Length > 0 ? s.Title : $"请向{s.AskUnit}索取"));
            if (i.Materials.Count == 0)
            {
                data.AppendChild(SpreadsheetCells.InlineRow([i.Number.ToString(), i.SectionTitle ?? "", i.Text, string.Join("、", i.LeadUnits), "", "",
                    i.Covered ? "已覆盖" : "缺", string.Join("；", i.Evidence.Select(e => e.Title)), "", suggestions]));
                continue;
            }
            foreach (var m in i.Materials)
            {
                data.AppendChild(SpreadsheetCells.InlineRow([i.Number.ToString(), i.SectionTitle ?? "", i.Text, string.Join("、", i.LeadUnits), m.LeadUnit ?? "", m.Item,
                    m.Satisfied ? "已提供" : "缺", string.Join("；", m.DocumentIds.Select(id => titles.GetValueOrDefault(id, id))),
                    string.Join("；", m.OutsideWindow.Select(id => titles.GetValueOrDefault(id, id))), m.Satisfied ? "" : suggestions]));
            }
        }
        workbook.Workbook.Save();
    }
}
