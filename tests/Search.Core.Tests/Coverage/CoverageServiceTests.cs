using DocumentFormat.OpenXml.Packaging;
using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Coverage;

[Trait("Category", "Integration")]
public sealed class CoverageServiceTests : IDisposable
{
    private readonly Services _services = new();
    private readonly TempFolder _inputs = new();

    private async Task<string> IngestAsync(string name, string text, string? department = null)
    {
        var path = _inputs.File(name);
        await File.WriteAllTextAsync(path, text);
        return (await _services.Get<IngestionPipeline>().IngestAsync(path, name, department, CancellationToken.None))[0].DocumentId!;
    }

    [Fact]
    public async Task Build_EvidenceOutsideTimeWindow_Flagged()
    {
        var id = await IngestAsync("gpjz.txt", "2021年公平竞争审查工作总结\n\n区司法局对2021年制定的行政规范性文件逐件开展公平竞争审查，形成经公平竞争审查的行政规范性文件目录。\n\n2021年12月20日", "区司法局");
        await _services.Get<MappingService>().DecideAsync(id, "shapotou-2023", 12, DecisionKind.Confirm, "审核员", null, CancellationToken.None);

        var i12 = _services.Get<CoverageService>().Build("shapotou-2023").Indicators.Single(i => i.Number == 12);

        Assert.True(i12.Covered);
        var item = i12.Materials.First(m => m.DocumentIds.Contains(id));
        Assert.Equal("2022年以来", item.TimeWindow);
        Assert.Contains(id, item.OutsideWindow);
    }

    [Fact]
    public async Task Build_UncoveredIndicator_SuggestsLeadUnitOrCandidates()
    {
        await IngestAsync("fy.txt", "区政府行政复议决定书公开网址及截图，行政复议体制改革情况。", "区司法局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Equal(100, report.IndicatorCount);
        var uncovered = report.Indicators.First(i => !i.Covered);
        Assert.NotEmpty(uncovered.Suggestions);
        Assert.All(uncovered.Suggestions, s => Assert.False(string.IsNullOrEmpty(s.AskUnit)));
        Assert.True(report.CoveredCount >= 1);
    }

    [Fact]
    public async Task DepartmentView_ShowsOnlyTheUnitsIndicators()
    {
        await IngestAsync("a.txt", "权责清单动态调整。");
        var report = DepartmentView.Filter(_services.Get<CoverageService>().Build("shapotou-2023"), "区委编办");

        Assert.Contains(report.Indicators, i => i.Number == 1);
        Assert.All(report.Indicators, i => Assert.Contains(i.LeadUnits.Concat(i.ResponsibleUnits), u => u.Contains("编办")));
    }

    [Fact]
    public async Task Exports_LedgerAndPackage()
    {
        var id = await IngestAsync("fy.txt", "区政府行政复议决定书公开网址及截图。", "区司法局");
        await _services.Get<MappingService>().DecideAsync(id, "shapotou-2023", 40, DecisionKind.Add, "审核员", null, CancellationToken.None);
        var report = _services.Get<CoverageService>().Build("shapotou-2023");
        var xlsx = _inputs.File("ledger.xlsx");
        var zip = _inputs.File("package.zip");

        CoverageLedgerWriter.Write(report, xlsx);
        var files = _services.Get<EvidencePackageWriter>().Write(report, zip);

        using (var document = SpreadsheetDocument.Open(xlsx, false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.First().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.True(rows > 100);
        }
        Assert.True(files >= 1);
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, e => e.FullName == "040/fy.txt");
    }

    public void Dispose()
    {
        _services.Dispose();
        _inputs.Dispose();
    }
}
