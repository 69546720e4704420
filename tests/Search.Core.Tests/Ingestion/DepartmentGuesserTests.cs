using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class DepartmentGuesserTests
{
    [Theory]
    [InlineData("区司法局/2023年行政复议台账.xlsx", "区司法局")]
    [InlineData("12-公平竞争审查/区市场监管分局/审查记录.pdf", "区市场监管分局")]
    [InlineData("材料/03-区发改局/清单.docx", "区发改局")]
    [InlineData("12-公平竞争审查/审查记录.pdf", null)]
    [InlineData("审查记录.pdf", null)]
    public void FromPath_FolderNamesUnit_ReturnsUnit(string path, string? expected) =>
        Assert.Equal(expected, DepartmentGuesser.FromPath(path));
}
