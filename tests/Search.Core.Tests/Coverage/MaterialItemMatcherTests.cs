using Search.Core.Coverage;
using Search.Core.Matching;

namespace Search.Core.Tests.Coverage;

/// <summary>Whether one document is what one material item asks for, read against a small checklist.</summary>
public sealed class MaterialItemMatcherTests
{
    private static readonly MatchTokenizer Tokenizer = new(["法治政府建设", "行政规范性文件", "行政复议", "会前学法"]);

    private static readonly string[] Checklist =
    [
        "1.2023年法治政府建设工作要点",
        "2.2022年以来制定的行政规范性文件目录",
        "3.相关宣传报道",
        "4.2022年以来行政复议案件目录汇总表",
        "5.政府常务会议会前学法制度",
        "6.2022年行政规范性文件向社会公开征求意见的情况。",
    ];

    private static readonly MaterialItemMatcher Matcher = new(Checklist.Select(MaterialRequirement.Parse), Tokenizer);

    private static ItemFit Fit(int item, EvidenceDocument document) => Matcher.Fit(MaterialRequirement.Parse(Checklist[item - 1]), document);

    private static EvidenceDocument Document(string title, string fileName, string head, string kind = "txt", DateOnly? date = null) =>
        new("d1", title, fileName, kind, date, false, false, [], head, "sha");

    [Fact]
    public void Fit_AdoptedPlan_Ticks() =>
        Assert.True(Fit(1, Document("沙坡头区2023年法治政府建设工作要点", "沙坡头区2023年法治政府建设工作要点.docx", "沙坡头区2023年法治政府建设工作要点\n一、总体要求", date: new DateOnly(2023, 3, 1))).Fits);

    [Theory]
    [InlineData("沙坡头区2023年法治政府建设工作要点（征求意见稿）")]
    [InlineData("沙坡头区2023年法治政府建设工作要点（送审稿）")]
    public void Fit_Draft_DoesNotTickAnItemThatAsksForTheAdoptedDocument(string title)
    {
        var fit = Fit(1, Document(title, title + ".docx", title + "\n一、总体要求", date: new DateOnly(2023, 3, 1)));

        Assert.False(fit.Fits);
        Assert.False(fit.OutsideWindow);
    }

    [Fact]
    public void Fit_Draft_TicksAnItemThatAsksForOne()
    {
        const string title = "沙坡头区行政规范性文件管理办法（征求意见稿）";

        Assert.True(Fit(6, Document(title, title + ".docx", title + "\n现将《沙坡头区行政规范性文件管理办法（征求意见稿）》向社会公开征求意见，期限30日。", date: new DateOnly(2022, 5, 1))).Fits);
    }

    private const string ListHead = "序号\t文件名称\t发布日期\n";

    [Fact]
    public void Fit_ListOfDocumentsMadeInTheWindow_Ticks()
    {
        var doc = Document("沙坡头区2022年以来制定的行政规范性文件目录", "沙坡头区2022年以来制定的行政规范性文件目录.xlsx",
            ListHead + "1\t沙坡头区行政规范性文件管理办法\t2022年5月6日\n2\t沙坡头区行政执法公示办法\t2023年3月1日\n", "xlsx");

        Assert.True(Fit(2, doc).Fits);
    }

    [Fact]
    public void Fit_ListWithRowsOlderThanTheWindow_IsAnotherList()
    {
        // A 现行有效 目录 from 2019 on is not the list of documents made since 2022, though some of its rows are.
        var doc = Document("沙坡头区政府制定的现行有效行政规范性文件目录", "沙坡头区政府制定的现行有效行政规范性文件目录.xlsx",
            ListHead + "1\t沙坡头区城市管理办法\t2019年4月2日\n2\t沙坡头区行政规范性文件管理办法\t2022年5月6日\n3\t沙坡头区行政执法公示办法\t2023年3月1日\n", "xlsx");

        var fit = Fit(2, doc);

        Assert.False(fit.Fits);
        Assert.True(fit.OutsideWindow);
    }

    [Fact]
    public void Fit_ItemNamingOnlyAKindOfMaterial_NeverTickedAutomatically()
    {
        var doc = Document("沙坡头区法治宣传报道", "沙坡头区法治宣传报道.docx", "发布时间：2023-12-04 来源：沙坡头区司法局\n沙坡头区开展法治宣传活动的相关报道");

        Assert.False(Fit(3, doc).Fits);
    }

    [Fact]
    public void Fit_LedgerNamedInTheFileName_TicksTheLedgerItem()
    {
        // The text's first line is a cited notice; the file name says what the department uploaded.
        var doc = Document("关于做好行政复议工作的通知", "2023年行政复议案件目录汇总表.docx",
            "关于做好行政复议工作的通知\n序号\t受理日期\t申请人\n1\t2023年2月10日\t刘某\n");

        Assert.True(Fit(4, doc).Fits);
    }
}
