using Search.Core.Frameworks;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Frameworks;

public sealed class FrameworkReaderTests
{
    private static Framework Seed(string id) =>
        FrameworkReader.ReadText(id, null, File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory(), "policy", id + ".txt")));

    private static readonly Lazy<Framework> Shapotou = new(() => Seed("shapotou-2023"));
    private static readonly Lazy<Framework> Xiayi = new(() => Seed("xiayi-2023"));
    private static readonly Lazy<Framework> Zaozhuang = new(() => Seed("zaozhuang-2021"));
    private static readonly Lazy<Framework> Shenxian = new(() => Seed("shenxian-2021"));
    private static readonly Lazy<Framework> National = new(() => Seed("national-2019"));

    private static Framework Of(string id) => id switch
    {
        "shapotou-2023" => Shapotou.Value,
        "xiayi-2023" => Xiayi.Value,
        "zaozhuang-2021" => Zaozhuang.Value,
        "shenxian-2021" => Shenxian.Value,
        _ => National.Value,
    };

    [Theory]
    [InlineData("shapotou-2023", 100, 9)]
    [InlineData("xiayi-2023", 100, 0)]
    [InlineData("zaozhuang-2021", 100, 9)]
    [InlineData("shenxian-2021", 94, 8)]
    public void Read_Seed_CountsAndNumbering(string id, int indicators, int sections)
    {
        var framework = Of(id);

        Assert.Equal(indicators, framework.IndicatorCount);
        Assert.Equal(Enumerable.Range(1, indicators), framework.Indicators.Select(i => i.Number));
        Assert.Equal(sections, framework.Sections.Count);
        Assert.Empty(framework.Report.MissingNumbers);
        Assert.Empty(framework.Report.DuplicateNumbers);
    }

    [Theory]
    [InlineData("shapotou-2023", 1, "健全完善政府工作部门的权", "区委编办", 5)]
    [InlineData("shapotou-2023", 2, "行政许可事项清单公布率达", "区政务服务中心|区市场监管分局", 5)]
    [InlineData("shapotou-2023", 3, "行政审批中介服务事项清单", "区政府办公室|区司法局|区发改局|区自然资源局|区住建和交通局|区水务局|区市场监管分局", 9)]
    [InlineData("shapotou-2023", 5, "对各类证明事项，凡没有法", "区公安分局|区民社局|区医保局|区市场监管分局|区司法局", 3)]
    [InlineData("shapotou-2023", 12, "健全公平竞争审查制度，涉", "区司法局|区市场监管分局", 10)]
    [InlineData("shapotou-2023", 19, "严格按照法定权限制定行政", "区政府办公室|区司法局", 2)]
    [InlineData("shapotou-2023", 35, "重大行政决策集体讨论，行", "区政府办公室", 1)]
    [InlineData("shapotou-2023", 50, "建立行政执法日常检查监督", "区司法局", 4)]
    [InlineData("shapotou-2023", 77, "属地责任认真落实，引导信", "区司法（信访）局", 2)]
    [InlineData("shapotou-2023", 100, "法治政府建设考评机制健全", "区委办公室|区委依法治区办", 2)]
    [InlineData("zaozhuang-2021", 1, "全面普及行政审批服务“马", "市审批服务局|市大数据局", 2)]
    [InlineData("zaozhuang-2021", 6, "编制并对外公布本级政府工", "市委编办", 2)]
    [InlineData("zaozhuang-2021", 12, "认真开展公平竞争审查。全", "市市场监管局|市司法局", 2)]
    [InlineData("zaozhuang-2021", 80, "严格落实“谁执法谁普法”", "市司法局", 2)]
    [InlineData("zaozhuang-2021", 100, "法治建设成效作为衡量各级", "市委组织部|市委依法治市办|市司法局", 2)]
    [InlineData("shenxian-2021", 1, "向社会公布本级政府全部行", "县政府办|县行政审批局", 0)]
    [InlineData("shenxian-2021", 7, "编制并对外公布全部政府工", "县委编办", 0)]
    [InlineData("shenxian-2021", 20, "建立健全政府购买公共服务", "县发改局|县财政局", 0)]
    [InlineData("shenxian-2021", 64, "辖区内党政机关和领导干部", "县委办公室|县政府办公室", 0)]
    [InlineData("shenxian-2021", 94, "法治建设成效作为衡量各级", "县委组织部|县委办公室|县司法局", 0)]
    [InlineData("xiayi-2023", 1, "编制并对外公布本级政府工", "", 1)]
    [InlineData("xiayi-2023", 5, "对各类证明事项，凡没有法", "", 2)]
    [InlineData("xiayi-2023", 30, "实行重大行政决策公开制度", "", 0)]
    [InlineData("xiayi-2023", 41, "全面实行行政执法人员持证", "", 2)]
    public void Read_Seed_IndicatorAsTheNoticeStatesIt(string id, int number, string textStart, string leads, int materialItems)
    {
        var indicator = Of(id).Indicators.Single(i => i.Number == number);

        Assert.StartsWith(textStart, indicator.Text);
        Assert.Equal(leads.Split('|', StringSplitOptions.RemoveEmptyEntries), indicator.LeadUnits);
        Assert.Equal(materialItems, indicator.Materials.Sum(m => m.Items.Count));
    }

    [Fact]
    public void Read_Shapotou_ContinuationRowsGroupMaterialsByLeadUnit()
    {
        var i12 = Shapotou.Value.Indicators.Single(i => i.Number == 12);

        Assert.Equal(["区司法局", "区市场监管分局"], i12.Materials.Select(m => m.LeadUnit));
        Assert.Equal(2, i12.Materials[0].Items.Count);
        Assert.StartsWith("3.", i12.Materials[1].Items[0]);
        Assert.Contains("2022年以来", i12.TimeWindows);
    }

    [Fact]
    public void Read_Shapotou_ExplanationAndSections()
    {
        var i1 = Shapotou.Value.Indicators.Single(i => i.Number == 1);

        Assert.Equal(new[] { "1.梳理权责清单情况", "2.强化权责清单动态调整情况", "3.做好事项认领的情况。" }, i1.Explanation);
        Assert.Equal(1, i1.Section);
        Assert.StartsWith("健全政府机构职能体系", i1.SectionTitle);
        Assert.Equal(9, Shapotou.Value.Indicators.Select(i => i.Section).Distinct().Count());
    }

    [Fact]
    public void Read_Zaozhuang_MethodsAndGroups()
    {
        var i1 = Zaozhuang.Value.Indicators.Single(i => i.Number == 1);

        Assert.Equal(["网络检索", "材料查证", "随机访谈"], i1.Methods);
        Assert.Equal("加大简政放权力度", i1.Group);
    }

    [Fact]
    public void Read_Shenxian_TasksAndBonusItemsKeptApart()
    {
        var framework = Shenxian.Value;

        Assert.Equal(Enumerable.Range(1, 30), framework.Tasks.Select(t => t.Number));
        Assert.Equal(["县司法局"], framework.Tasks.Single(t => t.Number == 18).LeadUnits);
        Assert.Equal(["加分项", "加分项", "减分项", "减分项"], framework.BonusItems.Select(b => b.Kind));
        Assert.DoesNotContain(framework.Indicators, i => i.Text.StartsWith("法治政府建设有关工作获得省部级以上表彰"));
    }

    [Fact]
    public void Read_Xiayi_BonusItemsAfterNumberingRestarts()
    {
        Assert.Equal(4, Xiayi.Value.BonusItems.Count);
        Assert.Equal(100, Xiayi.Value.Indicators[^1].Number);
    }

    [Fact]
    public void Read_National_RecoversWhatItCanAndReportsTheRest()
    {
        var framework = National.Value;

        Assert.InRange(framework.IndicatorCount, 50, 100);
        Assert.NotEmpty(framework.Report.MissingNumbers);
        Assert.NotEmpty(framework.Report.UnassignedCells);
        // Every recovered number was written in the notice.
        var text = File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory(), "policy", "national-2019.txt"));
        Assert.All(framework.Indicators, i => Assert.Contains(i.Text[..Math.Min(10, i.Text.Length)], text));
    }

    [Fact]
    public void Read_MissingAndDuplicateNumbers_Reported()
    {
        const string notice = "\t序号\n\t指标\n\t牵头单位\n\t责任单位\n\n\t1\n\t第一项指标内容\n\t区司法局\n\t各部门\n\n\t3\n\t第三项指标内容\n\t区司法局\n\t各部门\n\n\t3\n\t重复的第三项\n\t区财政局\n\t各部门\n";

        var framework = FrameworkReader.ReadText("t", "测试", notice);

        Assert.Equal([2], framework.Report.MissingNumbers);
        Assert.Equal([3], framework.Report.DuplicateNumbers);
        Assert.Equal("第三项指标内容", framework.Indicators.Single(i => i.Number == 3).Text);
    }
}
