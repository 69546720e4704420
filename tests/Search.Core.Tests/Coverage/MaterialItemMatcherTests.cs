using Search.Core.Coverage;
using Search.Core.Matching;
using Vocab = Search.Core.Search.Vocabulary;

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

    /// <summary>How <paramref name="document"/> fits item <paramref name="item"/> of <paramref name="checklist"/>, read with its own domain terms.</summary>
    private static ItemFit FitIn(string[] checklist, string[] terms, int item, EvidenceDocument document, Func<string, IReadOnlyList<string>>? expand = null) =>
        new MaterialItemMatcher(checklist.Select(MaterialRequirement.Parse), new MatchTokenizer(terms), null, expand)
            .Fit(MaterialRequirement.Parse(checklist[item - 1]), document);

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

    private static readonly string[] LearningChecklist =
    [
        "1.政府常务会会前学法制度",
        "2.政府各部门会前学法制度",
        "3.2022年以来政府常务会、政府各部门会前学法的内容资料",
        "1 .2022年以来公布投诉举报电话网址、及建立的受理程序制度、文书",
        "2.2022年以来受理投诉举报案件目录、登记受理表。",
        "2.2022年以来开展行政执法案卷评查的通知、报告、简报信息",
        "1.行政应诉工作制度机制",
    ];

    private static readonly Vocab Vocabulary = new([], ["会前学法, 会前学习", "案卷评查, 案卷集中评查", "应诉, 行政应诉"]);

    private static ItemFit FitLearning(int item, EvidenceDocument document, bool synonyms = true) =>
        FitIn(LearningChecklist, ["会前学法", "案卷评查", "行政执法", "行政应诉"], item, document, synonyms ? Vocabulary.Expand : null);

    [Fact]
    public void Fit_OneDepartmentsRule_StandsForTheDepartmentsRules()
    {
        const string title = "关于印发《区自然资源局党组会议、局务会议会前学法制度》的通知";
        var doc = Document(title, "区自然资源局党组会议会前学法制度.docx", title + "\n第一条 局党组会议、局务会议召开前安排学法。", date: new DateOnly(2022, 4, 6));

        Assert.True(FitLearning(2, doc).Fits);
    }

    [Fact]
    public void Fit_RuleNamingNoUnit_NotTakenForTheDepartmentsRules()
    {
        const string title = "关于印发《党组会议、局务会议会前学法制度》的通知";
        var doc = Document(title, "党组会议会前学法制度.docx", title + "\n第一条 党组会议、局务会议召开前安排学法。", date: new DateOnly(2022, 4, 6));

        Assert.False(FitLearning(2, doc).Fits);
    }

    [Fact]
    public void Fit_SynonymOfADomainTerm_CountsAsTheTerm()
    {
        // 会前学习 for 会前学法.
        var news = Document("区政府第19次常务会议会前学习《法律援助法》", "区政府常务会议会前学习法律援助法.txt",
            "区政府第19次常务会议会前学习《法律援助法》\n发布时间：2022-10-21 来源：区司法局\n会前，区司法局局长对法律援助法进行解读。");

        Assert.True(FitLearning(3, news).Fits);
        Assert.False(FitLearning(3, news, synonyms: false).Fits);
    }

    [Theory]
    [InlineData("区司法局组织开展2022年度行政执法案卷集中评查", true)]
    [InlineData("区司法局组织开展2022年度行政执法案卷抽查评查", true)]
    [InlineData("区司法局组织开展2022年度行政执法案卷管理培训", false)]
    public void Fit_DomainTermWithAWordBetweenItsParts_StillTheTerm(string headline, bool fits)
    {
        // 案卷集中评查 and 案卷抽查评查 are 案卷评查 done one way; no synonym list needs to know each way.
        var review = Document(headline, headline + ".txt", headline + "\n发布时间：2022-07-22 来源：区司法局\n共27本行政执法案卷，参加人员对照标准逐项核对，形成书面意见。");

        Assert.Equal(fits, FitLearning(6, review, synonyms: false).Fits);
    }

    [Fact]
    public void Fit_ShorterSynonymInsideTheTerm_DoesNotStandForIt()
    {
        // 应诉 is a synonym of 行政应诉 but also part of 出庭应诉: the 出庭应诉工作制度 is not the 行政应诉工作制度.
        const string title = "关于印发《沙坡头区行政机关负责人出庭应诉工作制度》的通知";
        var doc = Document(title, "沙坡头区行政机关负责人出庭应诉工作制度.txt", title + "\n现将制度印发给你们。", date: new DateOnly(2022, 5, 18));

        Assert.False(FitLearning(7, doc).Fits);
    }

    [Fact]
    public void Fit_DocumentThatIsOneOfTheBundledRequests_TicksTheItem()
    {
        // 57.1 asks for the published telephone and address, and for the 受理程序 rules: the rules alone are one of them.
        var doc = Document("沙坡头区综合执法局投诉举报受理程序规定", "沙坡头区综合执法局投诉举报受理程序规定.txt",
            "沙坡头区综合执法局投诉举报受理程序规定\n第一条 为规范行政执法投诉举报受理工作，制定本规定。\n第二条 投诉举报电话0955-12345。\n第四条 受理登记使用《投诉举报受理登记表》文书。",
            date: new DateOnly(2022, 5, 1));

        Assert.True(FitLearning(4, doc).Fits);
    }

    [Fact]
    public void Fit_OneWordPartOfAnItem_IsNoRequestOfItsOwn()
    {
        // "登记受理表" leaves only 登记 of its own: a 行政复议 登记表 is not the list of 投诉举报 cases.
        var doc = Document("沙坡头区2023年行政复议案件受理登记表", "2023年行政复议案件受理登记表.txt",
            "沙坡头区2023年行政复议案件受理登记表\n序号\t受理日期\t申请人\n1\t2023年2月10日\t刘某\n");

        Assert.False(FitLearning(5, doc).Fits);
    }

    private static readonly string[] ReviewChecklist =
    [
        "2.2022年以来行政复议化解行政争议主渠道作用发挥的信息简报",
        "3.2022年以来政府常务会、政府各部门会前学法的内容资料",
    ];

    private static ItemFit FitReview(int item, EvidenceDocument document) => FitIn(ReviewChecklist, ["行政复议", "会前学法"], item, document);

    private const string LearningNews = "区政府第十五次常务会议开展会前学法\n发布时间：2023-05-18 来源：区政府办公室\n"
        + "2023年5月18日，区人民政府召开第十五次常务会议。会前，参加会议人员集中学习了新修订的《中华人民共和国行政复议法》。\n"
        + "区政府法律顾问从复议范围的扩大、受理条件和审理程序的变化等方面进行了解读。区长强调，要主动接受行政复议监督，发挥行政复议化解行政争议主渠道作用。\n";

    [Fact]
    public void Fit_NewsWhoseHeadlineSaysNothingOfTheSubject_NotTakenOnItsTextAlone()
    {
        // The text is all about 行政复议 (the law studied), the headline about 会前学法: it is the study's news, not a 行政复议 简报.
        var doc = Document("区政府第十五次常务会议开展会前学法", "区政府第十五次常务会议会前学法.txt", LearningNews);

        Assert.False(FitReview(1, doc).Fits);
        Assert.True(FitReview(2, doc).Fits);
    }

    [Fact]
    public void Fit_BriefingWithATerseTitle_TakenOnItsText()
    {
        var doc = Document("行政复议工作简报（2023年第2期）", "行政复议工作信息简报.txt",
            "行政复议工作简报（2023年第2期）\n沙坡头区充分发挥行政复议化解行政争议主渠道作用，今年以来通过调解和解化解行政争议15件，调解率达到45%，有效促进案结事了。\n区司法局 2023年6月15日\n");

        Assert.True(FitReview(1, doc).Fits);
    }

    private static readonly string[] CompetitionChecklist =
    [
        "1.提供2022年以来经公平竞争审查的行政规范性文件、其他政策性文件以及“一事一议”形式的具体政策措施以及公平竞争审查意见",
        "2.2022年以来法治政府建设督察通知、通报、信息简报等资料",
    ];

    private static ItemFit FitCompetition(int item, EvidenceDocument document) => FitIn(CompetitionChecklist, ["公平竞争审查", "行政规范性文件", "法治政府建设"], item, document);

    [Fact]
    public void Fit_NoticeCitingTheRulesOfAnotherMatter_IsNotThatMattersNotice()
    {
        const string title = "关于报送2023年度法治政府建设情况报告的通知";
        var doc = new EvidenceDocument("d1", title, title + ".txt", "txt", new DateOnly(2023, 12, 28), false, false, [],
            "中共中卫市沙坡头区委全面依法治区委员会办公室\n" + title + "\n各乡镇党委、政府，区直各部门：\n根据《法治政府建设与责任落实督察工作规定》，请各单位于2024年1月20日前报送本单位2023年度法治政府建设情况报告。\n区委依法治区办\n2023年12月28日\n", "sha");

        Assert.False(FitCompetition(2, doc).Fits);
    }

    [Fact]
    public void Fit_ReviewOpinion_IsOneOfTheBundledRequests()
    {
        const string title = "关于《沙坡头区促进民营经济高质量发展若干措施》的公平竞争审查意见";
        var doc = new EvidenceDocument("d1", title, "公平竞争审查意见1.txt", "txt", new DateOnly(2023, 5, 10), false, false, [],
            title + "\n区发改局：\n经审查，该政策措施不含限制市场准入、排斥外地经营者等内容，符合公平竞争审查标准，同意出台。\n区市场监管分局\n2023年5月10日\n", "sha");

        Assert.True(FitCompetition(1, doc).Fits);
    }

    private static readonly string[] DecisionChecklist =
    [
        "1.2022年以来沙坡头区重大行政决策事项目录文件、公开网址、截图",
        "2.乡镇、政府部门2022年以来制定重大行政决策事项目录的文件、公开网址、截图，及研究目录的会议纪要。",
    ];

    private static ItemFit FitDecision(int item, EvidenceDocument document) => FitIn(DecisionChecklist, ["重大行政决策"], item, document);

    [Fact]
    public void Fit_CallForProposals_IsNotTheListOfDecisions()
    {
        // 30.1 asks for the 目录's 文件: a notice calling for proposals of 决策事项 names no 目录 and is none.
        const string title = "关于公开征集2024年度重大行政决策事项建议项目的通知";
        var doc = new EvidenceDocument("d1", title, "关于征集2024年度重大行政决策事项建议项目的通知.txt", "txt", new DateOnly(2023, 11, 14), false, false, [],
            "沙坡头区人民政府办公室\n" + title + "\n为规范区政府重大行政决策行为，根据《重大行政决策程序暂行条例》，现面向社会公开征集区政府2024年度重大行政决策事项建议项目。\n"
            + "一、征集范围。制定有关公共服务、市场监管、社会管理、环境保护等方面的重大公共政策和措施。\n二、征集时间。2023年11月15日至2023年12月15日。\n", "sha");

        Assert.False(FitDecision(1, doc).Fits);
    }

    [Fact]
    public void Fit_NoticePublishingTheListOfDecisions_IsTheList()
    {
        const string title = "关于公布沙坡头区人民政府2023年度重大行政决策事项目录的通知";
        var doc = new EvidenceDocument("d1", title, title + ".txt", "txt", new DateOnly(2023, 3, 8), false, true, [],
            "沙坡头区人民政府\n" + title + "\n沙政发〔2023〕5号\n区政府编制了《沙坡头区人民政府2023年度重大行政决策事项目录》，现予公布。\n"
            + "序号\t事项名称\t承办单位\n1\t沙坡头区城区供热价格调整\t区发改局\n", "sha");

        Assert.True(FitDecision(1, doc).Fits);
    }

    private static readonly string[] OpinionChecklist =
    [
        "任选3-5个行政规范性文件的合法性审查意见。",
        "1.2022年以来公布上年度行政执法情况报告",
    ];

    private static ItemFit FitReviewOpinion(int item, EvidenceDocument document) => FitIn(OpinionChecklist, ["行政规范性文件", "合法性审查", "行政执法"], item, document);

    [Fact]
    public void Fit_OpinionOnADraft_IsNoDraftItself()
    {
        // The 送审稿 is what the opinion reviews, cited in 《》; the opinion itself is issued.
        const string title = "关于《沙坡头区养犬管理规定（送审稿）》的合法性审查意见书";
        var doc = Document(title, "合法性审查意见书4.txt",
            "沙坡头区司法局\n" + title + "\n区政府办公室：\n你单位报送的《沙坡头区养犬管理规定（送审稿）》收悉。经审查，该行政规范性文件制定主体合法，程序符合规定。\n2023年4月8日",
            date: new DateOnly(2023, 4, 8));

        Assert.True(FitReviewOpinion(1, doc).Fits);
    }

    [Fact]
    public void Fit_ItemWordsThatOnlyNameAKindOfMaterial_NotAskedOfTheName()
    {
        // 情况 says what kind of material 行政执法情况报告 is, not what about: a unit's 行政执法统计年报 of the year is that report.
        const string title = "区自然资源局2022年度行政执法统计年报";
        var doc = Document(title, title + ".txt",
            title + "\n发布时间：2023-01-28\n一、行政执法主体概况\n二、2022年度行政执法情况：作出行政处罚决定27宗，行政许可405件，行政检查136次。",
            date: new DateOnly(2023, 1, 28));

        Assert.True(FitReviewOpinion(2, doc).Fits);
    }

    [Fact]
    public void Fit_UnitsOwnList_IsTheUnitsItemNotTheDistricts()
    {
        // 30.2 asks for the 目录 of 乡镇 and 政府部门: a department's published 目录 is it; the 区政府's own (issued by its 办公室) is not.
        var unit = new EvidenceDocument("d1", "关于公布2023年度重大行政决策事项目录的通知", "区住建和交通局2023年度重大行政决策事项目录.txt", "txt", new DateOnly(2023, 3, 24), false, true, [],
            "中卫市沙坡头区住房城乡建设和交通局\n关于公布2023年度重大行政决策事项目录的通知\n"
            + "根据区人民政府关于政府部门制定年度重大行政决策事项目录的要求，经局党组会议研究，现将我局2023年度重大行政决策事项目录予以公布。\n"
            + "序号\t决策事项\t承办股室\t履行程序\n1\t沙坡头区城区公共停车场收费管理办法\t城建股\t公众参与、合法性审查、集体讨论决定\n"
            + "本目录已在区政府门户网站“区住建和交通局—重大行政决策”栏目公开。\n", "sha");
        const string title = "沙坡头区人民政府办公室关于公布2023年度区政府重大行政决策事项目录的通知";
        var district = new EvidenceDocument("d2", title, "关于公布2023年度区政府重大行政决策事项目录的通知.txt", "txt", new DateOnly(2023, 3, 10), false, true, [],
            title + "\n现将区政府2023年度重大行政决策事项目录予以公布。\n序号\t事项名称\t承办单位\n1\t沙坡头区城区供热价格调整\t区发改局\n", "sha");

        Assert.True(FitDecision(2, unit).Fits);
        Assert.False(FitDecision(2, district).Fits);
        Assert.True(FitDecision(1, district).Fits);
    }

    [Fact]
    public void Fit_ChecklistOfMaterialsToHandIn_IsNoListOfDocuments()
    {
        // A 送审材料清单 lists what to send for review, not the 行政规范性文件 made since 2022.
        var doc = Document("行政规范性文件合法性审查送审材料清单", "附件3.txt",
            "附件3\n行政规范性文件合法性审查送审材料清单\n序号\t材料名称\t份数\n1\t提请合法性审查的函\t1\n2\t行政规范性文件送审稿\t2\n3\t起草说明\t1\n", date: new DateOnly(2023, 2, 1));

        Assert.False(Fit(2, doc).Fits);
    }

    private static readonly string[] SupervisionChecklist =
    [
        "2.2022年以来开展行政执法案卷评查的通知、报告、简报信息",
        "4.行政执法监督员工作资料。",
    ];

    [Fact]
    public void FitChecklist_ItemContrastedAway_TakesNothingFromAnother()
    {
        // The news is of the 监督员 (whose duties include 案卷评查): the 案卷评查 简报 item is contrasted away by its name, and so
        // cannot in turn push out the 监督员 item for asking any form.
        const string title = "沙坡头区举行行政执法社会监督员聘任仪式";
        var doc = Document(title, title + ".txt", title + "\n发布时间：2023-05-12　来源：沙坡头区司法局\n区司法局为22名行政执法社会监督员颁发聘书。"
            + "监督员对行政执法行为进行监督，参加行政执法案卷评查、专项监督检查等活动。", date: new DateOnly(2023, 5, 12));
        var matcher = new MaterialItemMatcher(SupervisionChecklist.Select(MaterialRequirement.Parse), new MatchTokenizer(["行政执法", "案卷评查"]), null, null);

        var fits = matcher.FitChecklist(SupervisionChecklist.Select(MaterialRequirement.Parse).ToList(), doc);

        Assert.False(fits[0].Fits);
        Assert.True(fits[1].Fits);
    }
}
