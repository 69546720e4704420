using Search.Core.WebChecks;

namespace Search.Core.Tests.WebChecks;

public sealed class DeadlineRuleTests
{
    [Theory]
    [InlineData("每年3月1日前，市县各级政府向同级党委、人大常委会和上一级政府报告上一年度法治政府建设情况，并在4月1日前通过报刊、政府门户网站等向社会公开。", 4, 1)]
    [InlineData("每年3月1日前，县（区）人民政府向上一级人民政府报告上一年度法治政府建设情况；县级以上政府部门……在4月1日前通过报刊、政府门户网站等媒体向社会公开。", 4, 1)]
    [InlineData("每年1月31日前，各级行政执法机关公布上年度行政执法总体情况有关数据，并向本级人民政府和上级主管部门报备。", 1, 31)]
    public void Find_PublicationClause_TakesItsDate(string text, int month, int day)
    {
        var rule = DeadlineRule.Find(text);

        Assert.NotNull(rule);
        Assert.Equal((month, day), (rule.Month, rule.Day));
    }

    [Fact]
    public void Find_OnlyAReportingDeadline_Null()
    {
        Assert.Null(DeadlineRule.Find("每年3月1日前向上一级政府报告上一年度法治政府建设情况。"));
    }

    [Theory]
    [InlineData("2023-03-31", "沙坡头区2022年度法治政府建设年度报告", false)]
    [InlineData("2023-04-01", "沙坡头区2022年度法治政府建设年度报告", false)]
    [InlineData("2023-04-02", "沙坡头区2022年度法治政府建设年度报告", true)]
    [InlineData("2024-01-15", "沙坡头区2022年度法治政府建设年度报告", true)]
    [InlineData("2023-05-10", "法治政府建设情况报告", true)]
    public void IsLate_ByReportYearOrPublicationYear(string published, string title, bool late)
    {
        var rule = new DeadlineRule(4, 1, "4月1日前……向社会公开");

        Assert.Equal(late, rule.IsLate(DateOnly.Parse(published), title));
    }
}
