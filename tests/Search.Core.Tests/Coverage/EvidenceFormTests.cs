using Search.Core.Coverage;

namespace Search.Core.Tests.Coverage;

/// <summary>What a document is, read from its file name, title, format and head.</summary>
public sealed class EvidenceFormTests
{
    private static EvidenceDocument Document(string title, string fileName, string head = "", string kind = "txt", bool hasDocNumber = false) =>
        new("d1", title, fileName, kind, null, false, hasDocNumber, [], head, "sha");

    [Fact]
    public void Forms_FileNameNamesAForm_ReadBeforeTheTitle()
    {
        // The title read from the text is a notice it cites; the department named the upload for what it is.
        var doc = Document("关于做好2023年行政复议工作的通知", "2023年行政复议案件受理登记表.docx");

        Assert.Contains(EvidenceForm.Ledger, doc.Forms);
        Assert.DoesNotContain(EvidenceForm.Policy, doc.Forms);
        Assert.Equal("登记表", doc.TitleWord);
    }

    [Fact]
    public void Forms_FileNameNamesNoForm_TitleRead()
    {
        var doc = Document("沙坡头区2023年法治政府建设工作要点", "材料01.docx");

        Assert.Equal([EvidenceForm.Policy], doc.Forms);
        Assert.Equal("工作要点", doc.TitleWord);
    }

    [Theory]
    [InlineData("沙坡头区2023年行政执法案卷集中评查")]
    [InlineData("区市场监管分局权责清单动态调整工作推进")]
    public void TitleForm_FormWordFollowedByOtherWords_IsSubject(string title) =>
        Assert.Null(EvidenceForm.TitleForm(title));

    [Theory]
    [InlineData("区司法局权责清单公开截图说明", EvidenceForm.Web)]
    [InlineData("沙坡头区行政执法案卷（2023年）", EvidenceForm.CaseFile)]
    [InlineData("行政许可事项清单（2023年版）", EvidenceForm.List)]
    public void TitleForm_FormWordFollowedOnlyByTailWords_StillTheForm(string title, string form) =>
        Assert.Equal(form, EvidenceForm.TitleForm(title));

    [Theory]
    [InlineData("关于公布沙坡头区行政许可事项清单的通知", EvidenceForm.List)]
    [InlineData("关于发布2023年度重大行政决策事项目录的通知", EvidenceForm.List)]
    [InlineData("关于印发沙坡头区法治政府建设实施方案的通知", EvidenceForm.Policy)]
    public void TitleForm_CoveringNotice_NamesWhatItCarries(string title, string form) =>
        Assert.Equal(form, EvidenceForm.TitleForm(title));

    [Theory]
    [InlineData("沙坡头区2023年法治政府建设工作要点（征求意见稿）", "工作要点")]
    [InlineData("沙坡头区行政执法公示办法（试行）", "办法")]
    public void TitleWord_FormWordInBrackets_NotWhatTheDocumentIs(string title, string word) =>
        Assert.Equal(word, EvidenceForm.TitleWord(title));

    [Fact]
    public void TitleWord_NoticePublishingAList_IsTheList() =>
        Assert.Equal("清单", EvidenceForm.TitleWord("关于公布沙坡头区行政许可事项清单的通知"));

    [Fact]
    public void TitleForm_NoticeAboutAReportNotPublished_StaysANotice() =>
        Assert.Equal("通知", EvidenceForm.TitleWord("关于报送2023年法治政府建设年度报告的通知"));

    [Theory]
    [InlineData("发布时间：2023-12-04 来源：沙坡头区司法局\n区司法局开展宪法宣传周集中宣传活动")]
    [InlineData("本报讯 12月4日，沙坡头区司法局在中心广场开展宪法宣传周集中宣传活动")]
    public void OfDocument_PageWithPublicationMarksAndNoFormWord_IsNews(string head) =>
        Assert.Contains(EvidenceForm.News, EvidenceForm.OfDocument("区司法局开展宪法宣传周集中宣传活动", "txt", false, false, head));

    [Fact]
    public void OfDocument_PublicationMarksButTitleNamesAForm_NotNews()
    {
        var forms = EvidenceForm.OfDocument("沙坡头区2023年普法依法治理工作要点", "txt", false, false, "发布时间：2023-03-01 来源：沙坡头区司法局");

        Assert.DoesNotContain(EvidenceForm.News, forms);
        Assert.Contains(EvidenceForm.Policy, forms);
    }

    [Fact]
    public void OfDocument_NoPublicationMarks_NotNews() =>
        Assert.DoesNotContain(EvidenceForm.News, EvidenceForm.OfDocument("区司法局开展宪法宣传周集中宣传活动", "txt", false, false, "12月4日，区司法局在中心广场开展宣传活动。"));

    [Theory]
    [InlineData("（区人大常委会办公室　供稿）")]
    [InlineData("（区应急管理局　2023年6月21日）")]
    public void OfDocument_PieceSignedOffAsNews_IsNews(string signOff)
    {
        // No 发布时间 or 来源 at the top: a unit's office sends the piece in and signs it off at the end.
        var head = "区人大常委会举行宪法宣誓仪式\n2023年4月26日，区第五届人大常委会第九次会议闭幕后，举行宪法宣誓仪式，6名新任命的国家工作人员面对国旗国徽进行宪法宣誓。\n"
            + "宣誓仪式由区人大常委会主任主持并监誓。\n" + signOff + "\n";

        Assert.Contains(EvidenceForm.News, EvidenceForm.OfDocument("区人大常委会举行宪法宣誓仪式", "txt", false, false, head));
    }

    [Fact]
    public void OfDocument_BracketedLineThatSignsNothingOff_NotNews()
    {
        var head = "区司法局开展宪法宣传周集中宣传活动\n12月4日，区司法局在中心广场开展宣传活动。\n（此页无正文）\n";

        Assert.DoesNotContain(EvidenceForm.News, EvidenceForm.OfDocument("区司法局开展宪法宣传周集中宣传活动", "txt", false, false, head));
    }

    [Theory]
    [InlineData("2023年行政复议案件受理表")]
    [InlineData("2023年政府常务会议会前学法安排表")]
    [InlineData("2023年领导干部学法计划表")]
    [InlineData("2023年法治培训课程表")]
    public void TitleForm_TableWords_AreLedgers(string title) =>
        Assert.Equal(EvidenceForm.Ledger, EvidenceForm.TitleForm(title));

    [Fact]
    public void OfDocument_LedgerInText_IsAlsoAList()
    {
        var forms = EvidenceForm.OfDocument("2023年行政复议案件受理登记表", "docx", false, false, "");

        Assert.Contains(EvidenceForm.Ledger, forms);
        Assert.Contains(EvidenceForm.List, forms);
    }

    [Fact]
    public void StatedDates_TabSeparatedCells_EachRead()
    {
        // A ledger pasted from a spreadsheet: one row, two date cells.
        var doc = Document("行政复议案件办理登记表", "行政复议案件办理登记表.txt", "序号\t受理日期\t办结日期\t申请人\n1\t2022年12月30日\t2023年2月10日\t刘某\n");

        Assert.Contains(new DateOnly(2022, 12, 30), doc.StatedDates);
        Assert.Contains(new DateOnly(2023, 2, 10), doc.StatedDates);
    }
}
