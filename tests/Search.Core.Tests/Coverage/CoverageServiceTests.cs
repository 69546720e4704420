using DocumentFormat.OpenXml.Packaging;
using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Coverage;

[Trait("Category", "Integration")]
public sealed class CoverageServiceTests : IDisposable
{
    private readonly Services _services = new();
    private readonly TempFolder _inputs = new();

    private async Task<string> IngestAsync(string name, string text, string? department = null)
    {
        var path = _inputs.File(name);
        await File.WriteAllTextAsync(path, text);
        return (await _services.Get<IngestionPipeline>().IngestAsync(path, name, department, CancellationToken.None))[0].DocumentId!;
    }

    private static MaterialCoverage Item(CoverageReport report, int number, int index) =>
        report.Indicators.Single(i => i.Number == number).Materials.Single(m => m.Index == index);

    [Fact]
    public async Task Build_EvidenceOutsideTimeWindow_FlaggedAndNotCounted()
    {
        var id = await IngestAsync("2021年行政复议案件受理登记表.txt", "沙坡头区2021年行政复议案件受理登记表\n序号 受理日期 申请人 被申请人 结果\n1 2021年3月2日 刘某 区自然资源局 维持\n\n2021年12月20日", "区司法局");

        var item = Item(_services.Get<CoverageService>().Build("shapotou-2023"), 71, 1);

        Assert.Equal("2022年以来", item.TimeWindow);
        Assert.Contains(id, item.OutsideWindow);
        Assert.DoesNotContain(id, item.DocumentIds);
        Assert.Equal(ItemStatus.Missing, item.Status);
    }

    [Fact]
    public async Task Build_ShortReportOnFairCompetition_DoesNotTickItemsItIsNot()
    {
        // The example: an 8-line report ticked most of 指标12's checklist.
        var id = await IngestAsync("区市场监管分局2022年公平竞争审查工作情况报告.txt", """
            区市场监管分局2022年公平竞争审查工作情况报告
            一、基本情况。2022年我局对起草的涉及市场主体经济活动的政策措施全部开展公平竞争审查。
            二、主要做法。严格按照审查流程开展自我审查，及时调整联席会议成员，建立审查台账。
            三、审查情况。全年审查政策措施12件，出具公平竞争审查意见12份，未发现违反审查标准的情形。
            四、下步打算。加大反不正当竞争执法力度，推动执法信息公开。
            五、知识产权。严格执行知识产权侵权惩罚性赔偿制度。
            区市场监管分局
            2022年12月28日
            """, "区市场监管分局");
        await IngestAsync("copy.docx.txt", "不相干的文件", "区市场监管分局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        foreach (var index in new[] { 3, 4, 5, 6, 7, 8, 9 })
        {
            Assert.DoesNotContain(id, Item(report, 12, index).DocumentIds);
        }
    }

    [Fact]
    public async Task Build_ReviewLedger_NotTakenForLitigationSummary()
    {
        // 行政复议案件受理登记表 shares 行政/案件/受理/登记 with 74.1's 行政诉讼一审案件受理结案汇总表, but not 行政诉讼.
        var id = await IngestAsync("2023年行政复议案件受理登记表.txt", """
            沙坡头区2023年行政复议案件受理登记表
            序号 受理日期 申请人 被申请人 复议事项 办理结果
            1 2023年2月10日 刘某 区自然资源局 不动产登记 维持
            2 2023年3月22日 马某 区市场监管分局 行政处罚 撤销
            3 2023年5月6日 杨某 区人社局 工伤认定 调解结案
            区司法局行政复议股
            """, "区司法局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 71, 1).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 74, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_StandingMeetingStudyRules_OnlyTheStandingMeetingRulesItem()
    {
        // 85.1 asks for the 常务会 rules, 85.2 for the departments' rules, 85.3 for what was studied: the rules are only 85.1.
        var id = await IngestAsync("沙坡头区人民政府常务会议会前学法制度.txt", """
            沙坡头区人民政府常务会议会前学法制度
            一、区政府常务会议每季度至少安排一次会前学法，全年不少于4次。
            二、学法内容以宪法和与政府工作密切相关的法律法规为主，区政府各部门主要负责人列席学习。
            三、学法计划由区司法局拟定，区政府办公室做好记录。
            沙坡头区人民政府办公室
            2023年2月15日
            """, "区政府办公室");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 85, 1).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 85, 2).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 85, 3).DocumentIds);
    }

    [Fact]
    public async Task Build_NoticeOnTheJointMeeting_NeitherTheSystemItCitesNorAReviewedDocument()
    {
        // The notice cites the State Council's opinion on building the 公平竞争审查 system (12.3's subject) as its ground, and
        // 12.1 bundles reviewed 行政规范性文件 with 公平竞争审查意见: the notice is none of them, only the 联席会议 change of 12.4.
        var id = await IngestAsync("关于调整沙坡头区公平竞争审查工作联席会议组成人员的通知.txt", """
            沙坡头区人民政府办公室
            关于调整沙坡头区公平竞争审查工作联席会议组成人员的通知
            沙政办发〔2023〕27号
            各乡镇人民政府，区政府各部门：
            为深入贯彻《国务院关于在市场体系建设中建立公平竞争审查制度的意见》（国发〔2016〕34号）和《公平竞争审查制度实施细则》，强化竞争政策基础地位，因人事变动，经区政府同意，决定调整沙坡头区公平竞争审查工作联席会议组成人员，由区政府分管领导担任召集人。调整后人员如下：
            召集人：区政府副区长
            副召集人：区市场监管分局局长、区发改局局长、区司法局局长
            成员：区财政局、区工信和商务局、区自然资源局、区住建和交通局等18个部门分管负责同志。
            联席会议办公室设在区市场监管分局。联席会议成员如有变动，由所在单位提出，联席会议办公室报召集人同意后调整，不再另行发文。
            沙坡头区人民政府办公室
            2023年7月4日
            """, "区市场监管分局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.DoesNotContain(id, Item(report, 12, 1).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 12, 3).DocumentIds);
        // Its 组成人员 are the 联席会议成员 12.4 asks to adjust.
        Assert.Contains(id, Item(report, 12, 4).DocumentIds);
    }

    [Fact]
    public async Task Build_NoticeOnCleaningUpNormativeDocuments_IsTheCleanUpNotTheDocuments()
    {
        // 27.1 asks for the 清理 notice and results, 19.2 for the 行政规范性文件 themselves: the notice names the 清理.
        var id = await IngestAsync("关于公布行政规范性文件清理结果的通知.txt", """
            沙坡头区人民政府
            关于公布行政规范性文件清理结果的通知
            沙政发〔2023〕31号
            各乡镇人民政府，区政府各部门：
            根据《宁夏回族自治区行政规范性文件制定和备案审查规定》，按照“谁制定、谁清理”的原则，区政府对2018年1月1日以来以区政府和区政府办公室名义印发的行政规范性文件进行了全面清理。
            一、清理结果。本次共清理行政规范性文件46件，继续有效35件，宣布废止7件，宣布失效4件。
            二、有关要求。废止、失效的文件自本通知印发之日起停止执行；继续有效的文件目录同时在区政府门户网站“规范性文件”专栏公布。
            沙坡头区人民政府
            2023年8月21日
            """, "区司法局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 27, 1).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 19, 2).DocumentIds);
    }

    [Fact]
    public async Task Build_DepartmentsYearReport_IsOneOfTheReportsTheUnitsSubmit()
    {
        // 95.3's 报送 says how the reports arrive, not what they are about: a department's report to the 依法治区办 is one.
        var id = await IngestAsync("区住建和交通局2023年法治政府建设情况报告.txt", """
            沙坡头区住房城乡建设和交通局
            关于2023年法治政府建设情况的报告
            区委依法治区办：
            2023年，我局深入学习贯彻习近平法治思想，认真落实法治政府建设各项任务，现将有关情况报告如下：
            一、主要举措和成效。全面落实行政执法“三项制度”，全年办理行政处罚案件47件，全部经法制审核；开展建筑市场执法检查12次。
            二、主要负责人履行推进法治建设第一责任人职责情况。局主要负责人主持召开党组会议专题研究法治建设工作3次，带头出庭应诉1次。
            三、存在的不足。执法人员法律素养有待提高，执法文书制作不够规范。
            四、2024年工作打算。加强执法人员培训，完善重大执法决定法制审核目录。
            沙坡头区住房城乡建设和交通局
            2024年1月15日
            """, "区住建和交通局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 95, 3).DocumentIds);
    }

    [Fact]
    public async Task Build_RevisedDrillRules_AreTheRulesEachItemAsksFor()
    {
        // 制度规则 is one form word (rules): a 管理办法 is the 应急演练制度规则 of 63.3, the revised one of 61.3 and an 应急管理相关制度规则 (62.4).
        var id = await IngestAsync("沙坡头区突发事件应急演练管理办法（2023年修订）.txt", """
            沙坡头区应急管理局
            沙应急发〔2023〕21号
            沙坡头区突发事件应急演练管理办法（2023年修订）
            第一条 为规范全区突发事件应急演练工作，检验应急预案，提高应急处置能力，根据《突发事件应急演练指南》，结合本区实际，制定本办法。
            第二条 区人民政府每年至少组织1次模拟真实场景的综合应急演练，各乡镇、各部门每年至少组织1次专项演练。
            第三条 演练分为桌面推演和实战演练，演练前制定方案，演练后进行评估总结。
            第四条 本办法自印发之日起施行，2020年印发的《沙坡头区应急演练管理暂行办法》同时废止。
            2023年4月3日
            """, "区应急管理局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 61, 3).DocumentIds);
        Assert.Contains(id, Item(report, 62, 4).DocumentIds);
        Assert.Contains(id, Item(report, 63, 3).DocumentIds);
        // 67.1 asks for 突发事件应急管理培训制度: what it is, the 培训, the rules never speak of.
        Assert.DoesNotContain(id, Item(report, 67, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_ReportOnTheWork_IsTheAccountOfIt()
    {
        // 16.1 asks for an account (…工作情况的说明) of the 政务诚信 work: a report on it is one, though it does not call itself a 说明.
        var id = await IngestAsync("沙坡头区2023年政务诚信建设工作情况报告.txt", """
            沙坡头区2023年政务诚信建设工作情况报告
            区发改局：
            2023年，我区全面推进政务诚信建设，建立政务失信记录，开展政府机构失信问题专项治理，全年未发生政府机构被列入失信被执行人的情况。
            一、健全政务诚信制度。二、加强公务员诚信教育。三、开展政务诚信评价。
            沙坡头区人民政府办公室
            2023年12月20日
            """, "区发改局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 16, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_NoticeEnforcingTheRule_IsTheDocumentIssuingIt()
    {
        // "…惩罚性赔偿制度出台的文件": 出台 says the document issues the rule, the notice need not say 出台.
        var id = await IngestAsync("关于严格执行知识产权侵权惩罚性赔偿制度的通知.txt", """
            沙坡头区市场监督管理分局
            关于严格执行知识产权侵权惩罚性赔偿制度的通知
            沙市监发〔2023〕12号
            各市场监管所：
            为加大知识产权保护力度，对故意侵犯知识产权、情节严重的，依法适用惩罚性赔偿，在查处商标侵权、专利侵权案件中严格执行惩罚性赔偿制度，并将执行情况于每季度末报分局法规股。
            沙坡头区市场监督管理分局
            2023年3月20日
            """, "区市场监管分局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 12, 8).DocumentIds);
    }

    [Fact]
    public async Task Build_InductionTrainingPlan_IsOneOfTheTrainingsAsked()
    {
        // 90.1 asks for 初任培训、任职培训 plans: an 初任培训 plan need not speak of 任职.
        var id = await IngestAsync("2023年新录用公务员初任培训方案.txt", """
            中共沙坡头区委组织部
            关于印发《2023年沙坡头区新录用公务员初任培训方案》的通知
            各乡镇党委，区直各部门：
            为帮助新录用公务员尽快适应机关工作，现将培训方案印发如下。
            一、培训对象。2023年全区新录用公务员42名。
            二、培训时间。2023年8月14日至8月25日，共12天。
            三、培训内容。（一）政治理论：习近平新时代中国特色社会主义思想；（二）法治教育：习近平法治思想、宪法、公务员法、行政处罚法、依法行政专题，共16学时；（三）公务员职业道德与廉政教育；（四）公文写作与办文办会。
            四、考核方式。培训结束进行结业考试，成绩记入个人档案。
            中共沙坡头区委组织部
            2023年7月28日
            """, "区委组织部");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 90, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_AdjustedListOfPowers_IsNotAnotherListsAdjustment()
    {
        // 2.5 and 9.2 also ask for their own list's 动态调整的文件: the 权责清单's adjustment is neither.
        var id = await IngestAsync("关于调整沙坡头区政府部门权责清单的通知.txt", """
            沙编办发〔2023〕11号
            关于动态调整沙坡头区政府部门权责清单的通知
            区政府各部门：
            根据新修订的《中华人民共和国行政处罚法》等法律法规，经审核，对区自然资源局等8个部门的权责清单进行动态调整，新增职权12项，取消职权5项，变更职权9项。调整后的权责清单已在区政府网站公布，公开网址：http://www.sptq.gov.cn/zwgk/qzqd/2023tz/
            沙坡头区机构编制委员会办公室
            2023年6月2日
            """, "区委编办");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 1, 4).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 2, 5).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 9, 2).DocumentIds);
    }

    [Fact]
    public async Task Build_ListOfDecisions_NotTheExpertReviewItNamesAmongOthers()
    {
        // The notice names 专家论证 as one of the five procedures each decision goes through: it is the 目录 (30.1), not 33.1's 专家论证 material.
        var id = await IngestAsync("关于公布沙坡头区人民政府2023年度重大行政决策事项目录的通知.txt", """
            沙坡头区人民政府
            关于公布沙坡头区人民政府2023年度重大行政决策事项目录的通知
            沙政发〔2023〕5号
            各乡镇人民政府，区政府各部门：
            为规范重大行政决策程序，推进科学、民主、依法决策，根据《重大行政决策程序暂行条例》等规定，区政府编制了《沙坡头区人民政府2023年度重大行政决策事项目录》，经区委同意，现予公布，并就有关工作通知如下：
            一、列入目录的决策事项应当履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序。
            二、目录实行动态管理，确需调整的，由承办单位提出建议，按程序报批后公布。
            附件：沙坡头区人民政府2023年度重大行政决策事项目录
            序号	事项名称	承办单位	完成时限
            1	沙坡头区国土空间总体规划（2021—2035年）	区自然资源局	2023年12月
            2	沙坡头区城区供热价格调整	区发改局	2023年10月
            沙坡头区人民政府
            2023年3月8日
            """, "区政府办公室");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 30, 1).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 33, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_DepartmentsStudyRules_TheDepartmentsItemNotTheStandingMeetings()
    {
        // A bureau's own 会前学法制度 is one of the 政府各部门's (85.2), the unit's name standing for them; its 局务会议 is no 常务会 (85.1).
        var id = await IngestAsync("区自然资源局党组会议和局务会议会前学法制度.txt", """
            沙坡头区自然资源局党组会议和局务会议会前学法制度
            为切实提高全局领导干部的法治意识，增强运用法治思维和法治方式推动自然资源管理工作的能力，结合我局实际，制定本制度。
            一、局党组会议和局务会议会前学法原则上每月至少安排1次，每次学习不少于30分钟。
            二、学法内容为宪法、《土地管理法》《矿产资源法》《城乡规划法》等法律法规规章，以及与当次会议议题相关的法律规定。
            三、会前学法年度计划由政策法规股拟定，经局领导审定后执行。
            四、局办公室做好学法签到和记录，年底报区司法局备案。
            沙坡头区自然资源局
            2023年3月2日
            """, "区自然资源局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 85, 2).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 85, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_JointMeetingMembers_NotAnotherJointMeetings()
    {
        // 16.3 asks for the 信用领导小组成员单位联席会议: this notice names 成员单位 and 联席会议, but of the 公平竞争审查 one (12.4), never 信用.
        var id = await IngestAsync("关于调整沙坡头区公平竞争审查联席会议成员单位及组成人员的通知.txt", """
            沙坡头区人民政府办公室
            沙政办发〔2023〕15号
            关于调整沙坡头区公平竞争审查工作联席会议成员单位及组成人员的通知
            各乡镇人民政府，区政府各部门：
            因机构改革和人员变动，经区政府同意，对区公平竞争审查工作联席会议组成人员进行调整，由分管副区长担任召集人，区市场监管分局局长任副召集人，成员单位增加区工信和商务局、区农业农村局。
            联席会议办公室设在区市场监管分局。
            2023年5月4日
            """, "区市场监管分局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 12, 4).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 16, 3).DocumentIds);
    }

    [Fact]
    public async Task Build_ListOfDocumentsConcerningEnterprises_NotTheListOfThoseOnMarketEntry()
    {
        // 4.1 asks for the documents 涉及各类市场主体准入: a list of 涉企 documents that never speaks of 准入 is 12.2's list only.
        var id = await IngestAsync("沙坡头区现行有效涉企行政规范性文件目录.txt", """
            沙坡头区现行有效涉企行政规范性文件目录
            （截至2023年10月31日）
            序号	文件名称	文号	发文日期	制定机关
            1	沙坡头区扶持小微企业发展暂行办法	沙政发〔2019〕15号	2019年6月3日	区人民政府
            2	沙坡头区工业园区企业入驻管理办法	沙政发〔2020〕8号	2020年4月20日	区人民政府
            3	沙坡头区招商引资优惠政策实施细则	沙政办发〔2021〕22号	2021年9月1日	区人民政府办公室
            4	沙坡头区建筑市场主体信用评价管理办法	沙政办发〔2023〕6号	2023年3月10日	区人民政府办公室
            以上文件均已经公平竞争审查。
            区司法局
            """, "区司法局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Contains(id, Item(report, 12, 2).DocumentIds);
        Assert.DoesNotContain(id, Item(report, 4, 1).DocumentIds);
    }

    [Fact]
    public async Task Build_QuantityAndCopies_CountedOverDistinctDocuments()
    {
        string Opinion(string name) => $"关于《{name}》的公平竞争审查意见\n经对《{name}（送审稿）》进行公平竞争审查，逐项对照审查标准，未发现排除、限制竞争的内容，可以出台。\n沙坡头区公平竞争审查联席会议办公室\n2023年3月10日";
        var first = await IngestAsync("公平竞争审查意见1.txt", Opinion("沙坡头区促进民营经济发展若干措施"), "区市场监管分局");
        await IngestAsync("公平竞争审查意见1（副本）.txt", Opinion("沙坡头区促进民营经济发展若干措施") + "\n", "区市场监管分局");
        await IngestAsync("公平竞争审查意见2.txt", Opinion("沙坡头区政府采购管理办法"), "区市场监管分局");

        var item = Item(_services.Get<CoverageService>().Build("shapotou-2023"), 12, 6);

        Assert.Equal(5, item.Required);
        Assert.Equal(2, item.DocumentIds.Count);
        Assert.Single(item.Evidence, e => e.Duplicates.Count == 1 && e.DocumentId == first);
        Assert.False(item.Satisfied);
        Assert.Equal(ItemStatus.Partial, item.Status);
        Assert.All(item.Evidence, e => Assert.Contains("审查意见", e.Reason));
    }

    [Fact]
    public async Task Build_ReviewerConfirmsItem_ConfirmedApartFromSuggested()
    {
        var id = await IngestAsync("关于调整公平竞争审查工作部门联席会议成员的通知.txt", "沙坡头区人民政府办公室\n关于调整沙坡头区公平竞争审查工作部门联席会议成员的通知\n因人事变动，决定调整联席会议成员。\n2022年8月16日", "区市场监管分局");
        var coverage = _services.Get<CoverageService>();

        var beforeReport = coverage.Build("shapotou-2023");
        var before = Item(beforeReport, 12, 4);
        _services.Get<ItemDecisionService>().Decide(id, "shapotou-2023", 12, 4, DecisionKind.Confirm, "审核员", null);
        var report = coverage.Build("shapotou-2023");
        var after = Item(report, 12, 4);

        Assert.Equal(ItemStatus.Suggested, before.Status);
        Assert.Equal([id], before.SuggestedDocumentIds);
        Assert.Equal(ItemStatus.Confirmed, after.Status);
        Assert.Equal([id], after.ConfirmedDocumentIds);
        Assert.Equal(1, report.Indicators.Single(i => i.Number == 12).ConfirmedItems);
        // The board's tile: only the matcher's word before, a reviewer's word on one item (of ten) after.
        Assert.Equal(IndicatorState.Suggested, beforeReport.Indicators.Single(i => i.Number == 12).State);
        Assert.Equal(IndicatorState.Partial, report.Indicators.Single(i => i.Number == 12).State);
    }

    [Fact]
    public async Task Build_ItemsOfAnotherUnit_AskThatUnit()
    {
        await IngestAsync("a.txt", "不相干的文件。");

        var i12 = _services.Get<CoverageService>().Build("shapotou-2023").Indicators.Single(i => i.Number == 12);

        Assert.Equal("区司法局", i12.Materials.Single(m => m.Index == 1).AskUnit);
        Assert.All(i12.Materials.Where(m => m.Index >= 3), m => Assert.Equal("区市场监管分局", m.AskUnit));
    }

    [Fact]
    public async Task Build_UncoveredIndicator_SuggestsLeadUnitOrCandidates()
    {
        await IngestAsync("fy.txt", "区政府行政复议决定书公开网址及截图，行政复议体制改革情况。", "区司法局");

        var report = _services.Get<CoverageService>().Build("shapotou-2023");

        Assert.Equal(100, report.IndicatorCount);
        var uncovered = report.Indicators.First(i => !i.Covered);
        Assert.NotEmpty(uncovered.Suggestions);
        Assert.All(uncovered.Suggestions, s => Assert.False(string.IsNullOrEmpty(s.AskUnit)));
        Assert.True(report.CoveredCount >= 1);
    }

    [Fact]
    public async Task DepartmentView_ShowsOnlyTheUnitsIndicators()
    {
        await IngestAsync("a.txt", "权责清单动态调整。");
        var report = DepartmentView.Filter(_services.Get<CoverageService>().Build("shapotou-2023"), "区委编办");

        Assert.Contains(report.Indicators, i => i.Number == 1);
        Assert.All(report.Indicators, i => Assert.Contains(i.LeadUnits.Concat(i.ResponsibleUnits), u => u.Contains("编办")));
    }

    [Fact]
    public async Task Exports_LedgerAndPackage()
    {
        var id = await IngestAsync("fy.txt", "区政府行政复议决定书公开网址及截图。", "区司法局");
        await _services.Get<MappingService>().DecideAsync(id, "shapotou-2023", 40, DecisionKind.Add, "审核员", null, CancellationToken.None);
        var report = _services.Get<CoverageService>().Build("shapotou-2023");
        var xlsx = _inputs.File("ledger.xlsx");
        var zip = _inputs.File("package.zip");

        CoverageLedgerWriter.Write(report, xlsx);
        var files = _services.Get<EvidencePackageWriter>().Write(report, zip);

        using (var document = SpreadsheetDocument.Open(xlsx, false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.First().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.True(rows > 100);
        }
        Assert.True(files >= 1);
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/fy.txt", StringComparison.Ordinal) && e.FullName.StartsWith("40-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_DocumentWithoutUnit_ListedAsUnfiledInReportAndLedger()
    {
        var unfiled = await IngestAsync("权责清单调整情况.txt", "关于公布2023年权责清单动态调整结果的通知\n2023年4月3日");
        var filed = await IngestAsync("清单.txt", "权责清单动态调整情况。", "区委编办");
        // A unit folder in the path is a unit given.
        var path = _inputs.File("guessed.txt");
        await File.WriteAllTextAsync(path, "行政执法案卷评查情况。");
        var guessed = (await _services.Get<IngestionPipeline>().IngestAsync(path, "区司法局/案卷评查.txt", null, CancellationToken.None))[0].DocumentId!;

        var report = _services.Get<CoverageService>().Build("shapotou-2023");
        var xlsx = _inputs.File("unfiled.xlsx");
        CoverageLedgerWriter.Write(report, xlsx);

        Assert.Equal([unfiled], report.UnfiledDocuments.Select(d => d.DocumentId));
        Assert.StartsWith("关于公布2023年权责清单动态调整结果的通知", report.UnfiledDocuments[0].Title);
        Assert.DoesNotContain(report.UnfiledDocuments, d => d.DocumentId == filed || d.DocumentId == guessed);
        Assert.Equal([unfiled], DepartmentView.Filter(report, "区委编办").UnfiledDocuments.Select(d => d.DocumentId));
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var sheets = document.WorkbookPart!.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name?.Value).ToList();
        Assert.Contains(UnfiledDocument.Label, sheets);
    }

    public void Dispose()
    {
        _services.Dispose();
        _inputs.Dispose();
    }
}
