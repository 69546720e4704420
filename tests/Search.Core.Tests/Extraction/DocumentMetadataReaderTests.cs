using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class DocumentMetadataReaderTests
{
    private static ExtractionResult Text(params string[] lines) => new(lines.Select(l => new TextSection(l, 1)).ToList(), 1);

    [Fact]
    public void Read_Notice_TakesNumberDateBodyAndTitle()
    {
        var result = Text("中共枣庄市委全面依法治市委员会文件", "枣法委发〔2021〕10号", "中共枣庄市委全面依法治市委员会 关于印发《关于进一步推进创建全国法治政府建设示范市工作实施方案》的通知",
            "各区（市）党委全面依法治区（市）委员会：", "现将方案印发给你们。", "中共枣庄市委全面依法治市委员会", "2021年9月1日", "详见 http://www.zaozhuang.gov.cn/fzzf/index.html 。");

        var m = DocumentMetadataReader.Read("a.pdf", "a.pdf", result);

        Assert.Equal("枣法委发〔2021〕10号", m.DocNumber);
        Assert.Equal(new DateOnly(2021, 9, 1), m.Date);
        Assert.False(m.DateFromDocNumber);
        Assert.Equal("中共枣庄市委全面依法治市委员会", m.IssuingBody);
        Assert.StartsWith("中共枣庄市委全面依法治市委员会 关于印发", m.Title);
        Assert.Equal(["http://www.zaozhuang.gov.cn/fzzf/index.html"], m.Urls);
    }

    [Fact]
    public void Read_TitleWrappedOverLines_Joined()
    {
        var m = DocumentMetadataReader.Read("x.txt", "x.txt", Text("夏法政办〔2023〕12号", "夏邑县法治政府建设领导小组办公室", "关于印发《夏邑县创建全省法治政府建设", "示范县工作推进方案》的通知"));

        Assert.Equal("关于印发《夏邑县创建全省法治政府建设示范县工作推进方案》的通知", m.Title);
    }

    [Fact]
    public void Read_NoNoticeTitle_TakesTopLineNotLabel() =>
        Assert.Equal("沙坡头区法治政府建设示范创建指标和任务分工表", DocumentMetadataReader.Read("x.txt", "x.txt", Text("附件1", "沙坡头区法治政府建设示范创建指标和任务分工表", "序号")).Title);

    [Fact]
    public void Read_TitleCitedInTheBody_NotTheTitle()
    {
        // 你局《关于…的函》收悉 cites the request; the opinion's own heading, under the issuer's name, is the title.
        var m = DocumentMetadataReader.Read("x.txt", "x.txt", Text("沙坡头区司法局", "行政规范性文件合法性审查意见书", "沙司审〔2023〕11号", "区工信和商务局：",
            "你局《关于对〈沙坡头区促进中小企业高质量发展若干措施（送审稿）〉进行合法性审查的函》于2023年4月3日收悉。", "2023年4月14日"));

        Assert.Equal("行政规范性文件合法性审查意见书", m.Title);
    }

    [Theory]
    [InlineData("沙坡头区司法局")]
    [InlineData("中卫市沙坡头区人民政府文件")]
    public void Read_IssuerMastheadAboveTheHeading_NotTheTitle(string masthead) =>
        Assert.Equal("区政府第8次常务会议纪要", DocumentMetadataReader.Read("x.txt", "x.txt", Text(masthead, "区政府第8次常务会议纪要", "2023年3月6日，区长主持召开区政府第8次常务会议。")).Title);

    [Fact]
    public void Read_NoticeTitleOnlyInATableRow_NotTheTitle()
    {
        // A register of decisions lists 关于印发…的通知 as its entries; the file's name says what the register is.
        var rows = new[] { "序号 决策事项名称 承办单位", "1 关于印发《仙居县推进全域旅游高质量发展实施意见》的通知 县文广旅体局", "2 横溪镇农村人居环境整治提升方案 镇农业农村办" };
        var result = new ExtractionResult(rows.Select(r => new TextSection(r, 1, null, SectionKind.TableRow)).ToList(), 1);

        Assert.Equal("30-2025年度横溪镇重大行政决策事项目录清单", DocumentMetadataReader.Read("30-2025年度横溪镇重大行政决策事项目录清单.xlsx", "30-2025年度横溪镇重大行政决策事项目录清单.xlsx", result).Title);
    }

    [Theory]
    [InlineData("各县（市、区）市场监管局，市局各业务科室：", "关于做好行政执法主体和人员资格管理工作的意见")]
    [InlineData("四川新闻网-首屏新闻", "中江县应急管理局开展应急管理专题授课")]
    [InlineData("本报讯（记者 陈锐）", "县人大常委会组织任前法律知识考试")]
    public void TitleOf_AddresseeOrBylineFirst_TakesTheHeadlineAfterIt(string first, string headline) =>
        Assert.Equal(headline, DocumentMetadataReader.TitleOf(string.Join('\n', first, headline, "为进一步规范行政执法行为，现就有关事项说明如下。")));

    [Fact]
    public void TitleOf_OnlySentences_NoTitle() =>
        Assert.Equal("", DocumentMetadataReader.TitleOf("各乡镇人民政府：\n现将有关事项通知如下。\n请认真贯彻执行。"));

    [Theory]
    [InlineData("莘政办发[2021]10号", "莘政办发〔2021〕10号")]
    [InlineData("夏法政办（2023）12号", "夏法政办〔2023〕12号")]
    [InlineData("卫沙政办发【2023】 5号", "卫沙政办发〔2023〕5号")]
    public void Read_DocNumberBracketVariants_NormalisedToHexagonalBrackets(string written, string expected) =>
        Assert.Equal(expected, DocumentMetadataReader.Read("x.docx", "x.docx", Text("通知", written)).DocNumber);

    [Fact]
    public void Read_ChineseNumeralDate_Parsed() =>
        Assert.Equal(new DateOnly(2021, 9, 1), DocumentMetadataReader.Read("x", "x", Text("沙坡头区人民政府", "二〇二一年九月一日")).Date);

    [Fact]
    public void Read_NoDate_FallsBackToDocNumberYear()
    {
        var m = DocumentMetadataReader.Read("x", "x", Text("卫沙政发〔2023〕7号", "正文"));

        Assert.Equal(new DateOnly(2023, 1, 1), m.Date);
        Assert.True(m.DateFromDocNumber);
    }

    [Theory]
    [InlineData("12-公平竞争审查/审查台账.xlsx", new[] { 12 })]
    [InlineData("材料/指标12 公平竞争审查.pdf", new[] { 12 })]
    [InlineData("第35项-行政复议.docx", new[] { 35 })]
    [InlineData("指标十二.docx", new[] { 12 })]
    [InlineData("2023年行政复议台账.xlsx", new int[0])]
    [InlineData("12、公平竞争审查意见.pdf", new[] { 12 })]
    [InlineData("材料/95.法治政府建设年度报告.docx", new[] { 95 })]
    [InlineData("第12项指标/台账.xlsx", new[] { 12 })]
    [InlineData("12号指标 审查意见.docx", new[] { 12 })]
    [InlineData("指标 五十 案卷评查/通报.pdf", new[] { 50 })]
    [InlineData("三、行政执法/50-案卷评查/评查通报.pdf", new[] { 50 })]
    [InlineData("30-2025年度横溪镇重大行政决策事项目录清单.xlsx", new[] { 30 })]
    [InlineData("材料/12、2023 年公平竞争审查台账.xlsx", new[] { 12 })]
    [InlineData("063.txt", new int[0])]
    [InlineData("12.txt", new int[0])]
    [InlineData("12", new int[0])]
    [InlineData("第2批名单.txt", new int[0])]
    [InlineData("2023年第5期简报.txt", new int[0])]
    [InlineData("附件3：申报表.docx", new int[0])]
    [InlineData("附件3-公平竞争审查表.docx", new int[0])]
    [InlineData("沙政办发〔2023〕12号.pdf", new int[0])]
    [InlineData("第3次会议纪要.docx", new int[0])]
    [InlineData("2023.05.12 会议/纪要.docx", new int[0])]
    [InlineData("2023-05-12 执法检查.docx", new int[0])]
    [InlineData("12月工作安排.docx", new int[0])]
    [InlineData("5.12防灾减灾日.docx", new int[0])]
    [InlineData("12-2023.05.12 检查.docx", new int[0])]
    public void IndicatorHints_FromPath(string path, int[] expected) =>
        Assert.Equal(expected, DocumentMetadataReader.IndicatorHints(path));

    [Theory]
    [InlineData("秘密★1年", true)]
    [InlineData("机密级", true)]
    [InlineData("绝密", true)]
    [InlineData("涉密的材料不得上传至平台，请各单位注意保守秘密。", false)]
    public void Read_ClassificationMarks_OnlyRealMarks(string line, bool marked) =>
        Assert.Equal(marked, DocumentMetadataReader.Read("x", "x", Text(line, "正文内容")).ClassificationMarks.Count > 0);
}
