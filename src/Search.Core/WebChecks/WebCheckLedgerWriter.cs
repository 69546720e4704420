using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Search.Core.Extraction.Office;

namespace Search.Core.WebChecks;

/// <summary>Writes a check run as a workbook: one row per indicator and address, and the indicators that had no address.</summary>
public static class WebCheckLedgerWriter
{
    public static readonly string[] Header = ["指标序号", "网址", "结果", "状态码", "最终网址", "页面标题", "找到的关键词", "缺少的关键词", "发布日期", "公开时限", "说明", "变化", "检查时间", "快照编号", "SHA-256"];

    public static void Write(WebCheckReport report, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());

        var checks = AddSheet(workbook, sheets, 1, "网络检索结果");
        checks.AppendChild(SpreadsheetCells.InlineRow(Header));
        foreach (var c in report.Checks.OrderBy(c => c.Indicator ?? int.MaxValue).ThenBy(c => c.Url, StringComparer.Ordinal))
        {
            checks.AppendChild(SpreadsheetCells.InlineRow([
                c.Indicator?.ToString() ?? "", c.Url, WebCheckOutcomes.Label(c.Outcome), c.Status?.ToString() ?? "", c.FinalUrl, c.Title ?? "",
                string.Join("、", c.KeywordsFound), string.Join("、", c.KeywordsMissing), c.PublishedDate?.ToString("yyyy-MM-dd") ?? "", c.Deadline ?? "",
                string.Join("；", c.Notes), string.Join("；", c.Changes), c.FetchedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"), c.Id, c.Sha256 ?? ""]));
        }

        var missing = AddSheet(workbook, sheets, 2, "缺少网址的指标");
        missing.AppendChild(SpreadsheetCells.InlineRow(["指标序号", "指标内容", "应有的关键词", "说明"]));
        foreach (var u in report.Unchecked)
        {
            missing.AppendChild(SpreadsheetCells.InlineRow([u.Indicator.ToString(), u.Text, string.Join("、", u.Expect), u.Reason]));
        }
        workbook.Workbook.Save();
    }

    private static SheetData AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
        return data;
    }
}
