using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Coverage;

/// <summary>A 行政复议 ledger as departments keep it: a merged title row, a header, dates in date cells of two formats.</summary>
[Trait("Category", "Integration")]
public sealed class LedgerXlsxTests : IDisposable
{
    private readonly Services _services = new();
    private readonly TempFolder _inputs = new();

    private static readonly (string Applicant, string Respondent, string Matter, DateTime Received, DateTime Closed, string Result)[] Cases =
    [
        ("刘某", "区自然资源局", "不动产登记", new DateTime(2023, 2, 10), new DateTime(2023, 4, 3), "维持"),
        ("马某", "区市场监管分局", "行政处罚", new DateTime(2023, 3, 22), new DateTime(2023, 5, 19), "撤销"),
        ("杨某", "区人社局", "工伤认定", new DateTime(2023, 5, 6), new DateTime(2023, 6, 30), "调解结案"),
        ("何某", "区交通运输局", "行政强制", new DateTime(2023, 7, 14), new DateTime(2023, 9, 1), "终止"),
    ];

    /// <summary>Style 1 is the built-in date format 14, style 2 a custom yyyy"年"m"月"d"日".</summary>
    private static void WriteLedger(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
            new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true }));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        Cell Text(string reference, string value) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
        Cell Date(string reference, DateTime value, uint style) => new() { CellReference = reference, CellValue = new CellValue(value.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)), StyleIndex = style };
        data.Append(new Row(Text("A1", "沙坡头区2023年行政复议案件受理登记表")) { RowIndex = 1 });
        data.Append(new Row(new[] { "序号", "受理日期", "申请人", "被申请人", "复议事项", "结案日期", "办理结果" }.Select((h, i) => Text($"{(char)('A' + i)}2", h))) { RowIndex = 2 });
        for (var i = 0; i < Cases.Length; i++)
        {
            var r = (uint)(i + 3);
            var c = Cases[i];
            data.Append(new Row(
                new Cell { CellReference = $"A{r}", CellValue = new CellValue(i + 1) },
                Date($"B{r}", c.Received, 1), Text($"C{r}", c.Applicant), Text($"D{r}", c.Respondent), Text($"E{r}", c.Matter),
                Date($"F{r}", c.Closed, 2), Text($"G{r}", c.Result)) { RowIndex = r });
        }
        sheet.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "A1:G1" }));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "受理登记" }));
        workbook.Workbook.Save();
    }

    [Fact]
    public async Task Ingest_ReviewLedger_ReadAsTableWithRealDatesAndMatchedTo71()
    {
        var path = _inputs.File("行政复议案件台账.xlsx");
        WriteLedger(path);

        var outcome = (await _services.Get<IngestionPipeline>().IngestAsync(path, "区司法局/行政复议案件台账.xlsx", "区司法局", CancellationToken.None))[0];
        var repository = _services.Get<DocumentRepository>();
        var document = repository.Get(outcome.DocumentId!)!;
        var text = string.Join("\n", repository.GetPassages(document.Id).Select(p => p.Text));

        Assert.Equal("沙坡头区2023年行政复议案件受理登记表", document.Title);
        Assert.Null(document.Date);
        Assert.Contains("受理日期: 2023年2月10日", text);
        Assert.Contains("结案日期: 2023年9月1日", text);
        Assert.DoesNotContain("44967", text);
        Assert.Contains("申请人: 马某", text);

        var auto = _services.Get<MappingDecisionRepository>().AutoMatches("shapotou-2023", document.Id);
        Assert.Equal(71, auto[0].Number);
        var report = _services.Get<CoverageService>().Build("shapotou-2023");
        var item = report.Indicators.Single(i => i.Number == 71).Materials.Single(m => m.Index == 1);
        Assert.Equal([document.Id], item.DocumentIds);
        Assert.Contains("2023-02-10", item.Evidence[0].Reason);
        // Not the 行政诉讼一审案件受理结案汇总表 (74.1), whose words it shares but for 行政诉讼.
        Assert.DoesNotContain(document.Id, report.Indicators.Single(i => i.Number == 74).Materials.Single(m => m.Index == 1).DocumentIds);
    }

    public void Dispose()
    {
        _services.Dispose();
        _inputs.Dispose();
    }
}
