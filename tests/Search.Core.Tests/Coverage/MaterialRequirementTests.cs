using Search.Core.Coverage;

namespace Search.Core.Tests.Coverage;

public sealed class MaterialRequirementTests
{
    [Theory]
    [InlineData("1.2022年以来采取行政措施的具体案例5个，注明时间、案由、措施、结果及当事人联系方式", 5)]
    [InlineData("6.五个经过公平竞争审查的意见", 5)]
    [InlineData("提供合法性审查意见3份", 3)]
    [InlineData("任选3-5个行政规范性文件的合法性审查意见。", 3)]
    [InlineData("7.提供案例及典型做法（不超过3个），单独形成。", 1)]
    [InlineData("4.调整公开竞争审查工作部门联席会议成员的文件", 1)]
    public void Parse_Quantity_ReadFromTheItem(string item, int expected) =>
        Assert.Equal(expected, MaterialRequirement.Parse(item).Quantity);

    [Theory]
    [InlineData("4.调整公开竞争审查工作部门联席会议成员的文件", "文件")]
    [InlineData("6.五个经过公平竞争审查的意见", "审查意见")]
    [InlineData("1.2022年以来行政复议案件目录汇总表（受理登记表和办结案件的登记表）", "台账,清单")]
    [InlineData("3.权责清单公开截图及网址", "网址及截图")]
    [InlineData("9.惩戒商标抢注、非正常专利申请等违法失信行为的案卷", "案卷")]
    [InlineData("2.2022年以来行政复议化解行政争议主渠道作用发挥的信息简报", "简报")]
    [InlineData("7.反不正当竞争执法信息公开情况", "")]
    [InlineData("2.乡镇、政府部门2022年以来制定重大行政决策事项目录的文件、公开网址、截图，及研究目录的会议纪要。", "文件,清单,网址及截图,纪要")]
    public void Parse_Forms_FromTheWordsTheItemEndsIn(string item, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), MaterialRequirement.Parse(item).Forms.ToHashSet());

    [Fact]
    public void Parse_FormWordsInsideTheSubject_StayInTheSubject()
    {
        var r = MaterialRequirement.Parse("1.推行政府部门权力清单制度的文件");

        Assert.Contains("权力清单制度", r.Subject);
        Assert.Equal(["文件"], r.HeadWords);
    }

    [Fact]
    public void Parse_Window_AndInstructionsLeftOut()
    {
        var r = MaterialRequirement.Parse("1.2022年以来采取行政措施的具体案例5个，注明时间、案由、措施、结果及当事人联系方式");

        Assert.Equal("2022年以来", r.Window!.Text);
        Assert.DoesNotContain("联系方式", r.Subject);
        Assert.DoesNotContain("2022", r.Subject);
    }

    [Theory]
    [InlineData("1.2022年以来沙坡头区重大行政决策事项目录文件、公开网址、截图", "目录")]
    [InlineData("6.行政事业性收费事项清单文件，公开截图、网址。", "清单")]
    [InlineData("2.乡镇、政府部门2022年以来制定重大行政决策事项目录的文件、公开网址、截图，及研究目录的会议纪要。", null)]
    [InlineData("1.2022年以来行政复议案件目录汇总表（受理登记表和办结案件的登记表）", null)]
    public void Parse_ListInACarrier_IsWhatTheCarrierHolds(string item, string? expected) =>
        Assert.Equal(expected, MaterialRequirement.Parse(item).CarriedList);

    [Theory]
    [InlineData("3.应急演练制度规则，开展应急演练的信息报道、公布网址等。", "制度规则")]
    [InlineData("1.行政应诉工作制度机制", "制度机制")]
    [InlineData("1.突发事件信息发布规章制度", "规章制度")]
    [InlineData("3.清廉建设相关制度文件", "制度")]
    [InlineData("3.跨部门综合监管有关制度机制文件", "制度机制")]
    public void Parse_RulesAndMechanisms_AFormNotASubject(string item, string head)
    {
        var r = MaterialRequirement.Parse(item);

        Assert.Contains(head, r.HeadWords);
        Assert.DoesNotContain("制度", r.Subject);
    }

    [Theory]
    [InlineData("1.提供涉及各类市场主体准入的现行有效的行政规范性文件目录清单", "各类市场主体准入")]
    [InlineData("2.2022年以来有关部门受理的涉及信用修复、异议处理的具体案例，案例中的当事人请标注联系方式（不超过5个）", "信用修复|异议处理")]
    [InlineData("2.现行涉企的行政规范性文件目录。", "")]
    public void Parse_WhatTheMaterialMustConcern_ReadFromTheConcerningClause(string item, string expected) =>
        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), MaterialRequirement.Parse(item).Concerning);
}
