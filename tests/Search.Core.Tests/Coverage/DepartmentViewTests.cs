using Search.Core.Coverage;

namespace Search.Core.Tests.Coverage;

public sealed class DepartmentViewTests
{
    [Theory]
    [InlineData("区市场监管分局", "市场监管", true)]
    [InlineData("区市场监管分局", "市场监管局", true)]
    [InlineData("区市场监管分局", "区市场监管分局", true)]
    [InlineData("区司法局", "司法局", true)]
    [InlineData("区司法局", "市场监管", false)]
    [InlineData("各部门（单位）", "市场监管", false)]
    [InlineData("区委编办", "编办", true)]
    public void Matches_UnitTypedTheWayPeopleTypeIt(string unit, string typed, bool expected) =>
        Assert.Equal(expected, DepartmentView.Matches(unit, typed));

    [Fact]
    public void Resolve_PartialName_NamesTheUnit() =>
        Assert.Equal(["区市场监管分局"], DepartmentView.Resolve("市场监管", ["区司法局", "区政务服务中心、区市场监管分局", "各部门（单位）"]));
}
