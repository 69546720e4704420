using Search.Core.Configuration;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Tests.Fixtures;
using Search.Core.WebChecks;

namespace Search.Core.Tests.WebChecks;

public sealed class WebCheckPlannerTests : IDisposable
{
    private readonly Services _services = new();

    [Fact]
    public void Plan_FrameworkWithoutAddresses_ListsIndicatorsToCheckWithTheirWords()
    {
        var plan = _services.Get<WebCheckPlanner>().Plan("shapotou-2023", null, [], []);

        Assert.Empty(plan.Targets);
        var first = Assert.Single(plan.Unchecked, u => u.Indicator == 1);
        Assert.Contains("权责清单", first.Expect);
        Assert.Contains("网址", first.Reason);
        Assert.DoesNotContain(plan.Unchecked, u => u.Indicator == 100 && !u.Text.Contains("公开") && !u.Text.Contains("公布"));
    }

    [Fact]
    public void Plan_IndicatorCheckedByWebSearch_HasTheFrameworkDeadline()
    {
        var planner = _services.Get<WebCheckPlanner>();

        var plan = planner.Plan("zaozhuang-2021", 97, ["https://www.example.gov.cn/fzzf/2022ndbg.html"], []);

        var target = Assert.Single(plan.Targets);
        Assert.Equal((4, 1), (target.Deadline!.Month, target.Deadline.Day));
        Assert.Equal(["法治政府建设"], target.Expect);
    }

    [Fact]
    public void Plan_AddressAddedForAnIndicator_IsKeptForLaterRuns()
    {
        var planner = _services.Get<WebCheckPlanner>();
        planner.Plan("shapotou-2023", 1, ["https://www.example.gov.cn/qzqd/"], []);

        var later = planner.Plan("shapotou-2023", null, [], []);

        var target = Assert.Single(later.Targets);
        Assert.Equal((1, "https://www.example.gov.cn/qzqd/", "user"), (target.Indicator!.Value, target.Url, target.Source));
        Assert.DoesNotContain(later.Unchecked, u => u.Indicator == 1);
    }

    [Fact]
    public async Task Plan_AddressInLinkedEvidence_IsChecked()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "权责清单公开情况.txt");
        await File.WriteAllTextAsync(file, "关于公布区政府部门权责清单的说明\n\n权责清单已在区政府门户网站公开，网址：http://www.zwfw.example.gov.cn/qzqd/index.html 。\n");
        var outcome = (await _services.Get<IngestionPipeline>().IngestAsync(file, "权责清单公开情况.txt", "区委编办", CancellationToken.None)).Single();
        await _services.Get<MappingService>().DecideAsync(outcome.DocumentId!, "shapotou-2023", 1, DecisionKind.Add, "reviewer", null, CancellationToken.None);

        var plan = _services.Get<WebCheckPlanner>().Plan("shapotou-2023", null, [], []);

        var target = Assert.Single(plan.Targets, t => t.Indicator == 1);
        Assert.Equal("http://www.zwfw.example.gov.cn/qzqd/index.html", target.Url);
        Assert.Equal("evidence:" + outcome.DocumentId, target.Source);
    }

    [Fact]
    public void Plan_NeitherFrameworkNorAddress_InvalidInput()
    {
        Assert.Throws<InvalidInputException>(() => _services.Get<WebCheckPlanner>().Plan(null, null, [], []));
    }

    public void Dispose() => _services.Dispose();
}
