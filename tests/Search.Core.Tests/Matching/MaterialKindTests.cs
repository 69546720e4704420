using Search.Core.Matching;

namespace Search.Core.Tests.Matching;

public sealed class MaterialKindTests
{
    [Theory]
    [InlineData("静海区2023年度法治政府建设情况报告", "报告")]
    [InlineData("关于印发《梁山县突发事件总体应急预案》的通知", "预案")]
    [InlineData("三明市司法局关于印发三明市全面推行证明事项告知承诺制实施方案的通知", "方案")]
    [InlineData("关于开展行政执法案卷评查的通知", "通知")]
    [InlineData("区政府第12次常务会议纪要", "纪要")]
    [InlineData("焦作市司法局音像记录事项清单", "清单")]
    [InlineData("县河镇开展国庆节前地质灾害隐患排查", null)]
    public void TitleKind_Titles_TheKindTheTitleNames(string title, string? kind) =>
        Assert.Equal(kind, MaterialKind.TitleKind(title));

    [Fact]
    public void KindsOf_MaterialItem_EveryKindItAsksFor() =>
        Assert.Equal(
            new[] { "纪要", "报告" }.Order(),
            MaterialKind.KindsOf("2022年以来区委常委会听取法治政府建设年度报告的资料（请示、会议纪要），报告文本").Order());

    [Theory]
    [InlineData("静海区2023年度法治政府建设情况", "2022年法治政府建设情况年度报告公布网址", 8)]
    [InlineData("行政执法2023", "2022年以来行政执法工作年度要点", 4)]
    [InlineData("ABCD", "ABCD", 0)]
    public void CommonRun_TwoTexts_LongestSharedChineseRun(string a, string b, int run) =>
        Assert.Equal(run, MaterialKind.CommonRun(a, b));

    [Fact]
    public void VerbsOf_Title_TheIndicatorVerbsItUses() =>
        Assert.Equal(["公布", "清理"], MaterialKind.VerbsOf("关于公布行政规范性文件清理结果的通知"));
}
