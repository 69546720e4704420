using System.Text.Json;
using Search.Core.Frameworks;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Frameworks;

public sealed class FrameworkRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void ReadDocx_TableWithSameColumns_ReadsIndicatorsAndContinuationRows()
    {
        var path = _folder.File("notice.docx");
        TestFiles.Docx(path, ["沙坡头区法治政府建设示范创建指标和任务分工表"],
        [
            ["序号", "指标（具体工作任务）", "牵头单位", "责任单位", "主要提供资料", "情况说明内容"],
            ["一、健全政府机构职能体系，政府职能依法全面履行", "", "", "", "", ""],
            ["1", "健全完善政府工作部门的权责清单。", "区委编办", "各乡镇、各部门（单位）", "1.推行权力清单制度的文件；\n2.权责清单的公开网址及截图。", "1.梳理权责清单情况；\n2.动态调整情况。"],
            ["2", "行政许可事项清单公布率达到100%。", "区政务服务中心", "各乡镇", "1.行政许可事项清单公布的网址、截图；", "1.2022年以来清理情况。"],
            ["", "", "区市场监管分局", "", "2.涉企经营许可事项清单及网上公布截图。", ""],
        ]);

        var framework = FrameworkReader.ReadDocx(path, "docx-test", null);

        Assert.Equal([1, 2], framework.Indicators.Select(i => i.Number));
        var i2 = framework.Indicators[1];
        Assert.Equal(["区政务服务中心", "区市场监管分局"], i2.LeadUnits);
        Assert.Equal(["区政务服务中心", "区市场监管分局"], i2.Materials.Select(m => m.LeadUnit));
        Assert.Equal(2, framework.Indicators[0].Materials[0].Items.Count);
        Assert.Equal(1, framework.Indicators[0].Section);
    }

    [Fact]
    public void Json_RoundTrip_IsExact()
    {
        var original = FrameworkReader.ReadText("shapotou-2023", "沙坡头", File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory(), "policy", "shapotou-2023.txt")));
        var json = JsonSerializer.Serialize(original, FrameworkCatalog.Json);

        var back = JsonSerializer.Deserialize<Framework>(json, FrameworkCatalog.Json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, FrameworkCatalog.Json));
    }

    [Fact]
    public void Xlsx_RoundTrip_KeepsIndicatorsUnitsAndMaterials()
    {
        var original = FrameworkReader.ReadText("shapotou-2023", "沙坡头", File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory(), "policy", "shapotou-2023.txt")));
        var path = _folder.File("ledger.xlsx");

        FrameworkLedger.Write(original, path);
        var back = FrameworkLedger.Read(path, "shapotou-2023", "沙坡头");

        Assert.Equal(original.IndicatorCount, back.IndicatorCount);
        foreach (var (a, b) in original.Indicators.Zip(back.Indicators))
        {
            Assert.Equal(a.Number, b.Number);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.LeadUnits, b.LeadUnits);
            Assert.Equal(a.ResponsibleUnits, b.ResponsibleUnits);
            Assert.Equal(a.Materials.SelectMany(m => m.Items), b.Materials.SelectMany(m => m.Items));
            Assert.Equal(a.Materials.Select(m => m.LeadUnit), b.Materials.Select(m => m.LeadUnit));
            Assert.Equal(a.Explanation, b.Explanation);
        }
    }

    public void Dispose() => _folder.Dispose();
}
