using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class PassageSplitterTests
{
    [Fact]
    public void Split_NeverCrossesPages_AndKeepsOffsets()
    {
        var result = new ExtractionResult([new TextSection("第一页第一段。", 1), new TextSection("第一页第二段。", 1), new TextSection("第二页。", 2)], 2);

        var passages = PassageSplitter.Split(result);

        Assert.Equal(2, passages.Count);
        Assert.Equal("第一页第一段。\n第一页第二段。", passages[0].Text);
        Assert.Equal(1, passages[0].Page);
        Assert.Equal(2, passages[1].Page);
        Assert.Equal("第一页第一段。\n第一页第二段。\n".Length, passages[1].StartOffset);
    }

    [Fact]
    public void Split_TableRowsStandAlone_WithLocation()
    {
        var result = new ExtractionResult([new TextSection("说明", 1), new TextSection("1\t权责清单", 1, "表1 第2行", SectionKind.TableRow)], 1);

        var passages = PassageSplitter.Split(result);

        Assert.Equal("表1 第2行", passages[^1].Location);
        Assert.Equal("1\t权责清单", passages[^1].Text);
    }

    [Fact]
    public void Split_LongParagraph_CutAtSentenceEnds()
    {
        var sentence = new string('法', 90) + "。";
        var result = new ExtractionResult([new TextSection(string.Concat(Enumerable.Repeat(sentence, 12)), 1)], 1);

        var passages = PassageSplitter.Split(result);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.True(p.Text.Length <= PassageSplitter.MaxLength));
        Assert.All(passages, p => Assert.EndsWith("。", p.Text));
    }
}
