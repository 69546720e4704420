using Search.Core.Frameworks;
using Search.Core.Llm;

namespace Search.Core.Tests.Llm;

public sealed class DraftAnswerTests
{
    [Theory]
    [InlineData("公平竞争审查。", 7)]
    [InlineData("公平 竞争\n审查。", 7)]
    [InlineData("2023年审查120件。[1][2]", 12)]
    [InlineData("建立 OA 系统，[3]", 7)]
    public void Count_ChineseLatinDigitsPunctuation_OneEachWithoutSpacesAndMarkers(string text, int expected)
    {
        Assert.Equal(expected, DraftLength.Count(text));
    }

    [Fact]
    public void Check_MarkersInVariousForms_ParsedInOrderOfFirstUse()
    {
        var answer = DraftAnswer.Check("甲做了审查。[2] 乙建立台账[1,3]。丙公开目录。[2、4]", [1, 2, 3]);

        Assert.Equal([2, 1, 3, 4], answer.Markers);
        Assert.Equal([4], answer.UnknownMarkers);
        Assert.Empty(answer.UncitedSentences);
    }

    [Fact]
    public void Check_CodeFenceAndHeading_Removed()
    {
        var answer = DraftAnswer.Check("```\n情况说明：\n区里开展了审查。[1]\n```", [1]);

        Assert.Equal("区里开展了审查。[1]", answer.Text);
    }

    [Fact]
    public void Check_UncitedSentence_Listed()
    {
        var answer = DraftAnswer.Check("区里开展了审查。[1]成效非常显著，群众满意。", [1]);

        Assert.Equal(["成效非常显著，群众满意。"], answer.UncitedSentences);
    }

    [Fact]
    public void Trim_OverLimit_KeepsWholeSentencesWithTheirMarkers()
    {
        var trimmed = DraftAnswer.Trim("第一句话写在这里。[1]第二句话写在这里。[2]第三句话写在这里。[1]", 20);

        Assert.Equal("第一句话写在这里。[1]第二句话写在这里。[2]", trimmed);
        Assert.True(DraftLength.Count(trimmed) <= 20);
    }

    [Theory]
    [InlineData("体现该项指标举措成效、亮点特色的说明材料(500 字内)。", 500)]
    [InlineData("2022年本级政府提高突发事件依法处置能力的情况说明。（1000字以内）", 1000)]
    [InlineData("请提供情况说明。（不限字数）", 500)]
    public void For_StatedOrDefault_Limit(string item, int expected)
    {
        var indicator = new Indicator { Number = 1, Text = "指标", Materials = [new MaterialGroup(null, [item])] };

        Assert.Equal(expected, DraftLimit.For(indicator, 500).Limit);
    }
}
