using Search.Core.Coverage;

namespace Search.Core.Tests.Coverage;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData("2022年以来本级政府清理变相设置行政许可事项的情况", "2022年以来", 2022, null)]
    [InlineData("请提供2020年、2021年行政复议决定书", "2020年、2021年", 2020, 2021)]
    [InlineData("2021—2023年法治政府建设年度报告", "2021—2023年", 2021, 2023)]
    [InlineData("请提供2021、2022年本级法治建设在考核体系中的分值权重", "2021、2022年", 2021, 2022)]
    public void Parse_StatedWindow_ReturnsYears(string text, string expectedText, int from, int? to)
    {
        var window = TimeWindow.Parse(text);

        Assert.NotNull(window);
        Assert.Equal(expectedText, window.Text);
        Assert.Equal(from, window.FromYear);
        Assert.Equal(to, window.ToYear);
    }

    [Fact]
    public void Parse_NoWindow_ReturnsNull() => Assert.Null(TimeWindow.Parse("权责清单公开网址及截图"));

    [Fact]
    public void Contains_DocumentBeforeWindow_IsFalse()
    {
        var window = TimeWindow.Parse("2022年以来的案例5个")!;

        Assert.False(window.Contains(new DateOnly(2021, 12, 31)));
        Assert.True(window.Contains(new DateOnly(2022, 1, 1)));
        Assert.True(window.Contains(null));
    }
}
