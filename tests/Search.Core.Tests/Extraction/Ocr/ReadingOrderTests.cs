using Search.Core.Extraction.Ocr;

namespace Search.Core.Tests.Extraction.Ocr;

public sealed class ReadingOrderTests
{
    /// <summary>A line box 30 pixels high, turned by <paramref name="degrees"/> about its top-left corner.</summary>
    private static OcrLine Line(string text, int left, int top, int width, double degrees = 0)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        OcrPoint At(double x, double y) => new((int)Math.Round(left + x * cos - y * sin), (int)Math.Round(top + x * sin + y * cos));
        return new OcrLine(text, [At(0, 0), At(width, 0), At(width, 30), At(0, 30)], 0.99f);
    }

    [Fact]
    public void Arrange_IndentsStartParagraphs()
    {
        var blocks = ReadingOrder.Arrange(
        [
            Line("为深入贯彻落实党中央、国务院关于法治政府建设", 160, 100, 800),
            Line("的决策部署，结合我县实际，制定本方案。", 100, 150, 860),
            Line("一、总体要求", 160, 200, 300),
        ]);

        Assert.Equal(["为深入贯彻落实党中央、国务院关于法治政府建设的决策部署，结合我县实际，制定本方案。", "一、总体要求"], blocks.Select(b => b.Text));
    }

    [Fact]
    public void Arrange_TableRows_KeptWholeWithCellsInOrder()
    {
        // Given out of order, as detection returns them.
        var blocks = ReadingOrder.Arrange(
        [
            Line("区司法局", 700, 150, 160),
            Line("序号", 100, 100, 80),
            Line("1", 100, 150, 30),
            Line("牵头单位", 700, 100, 160),
            Line("公平竞争审查", 300, 150, 240),
            Line("指标", 300, 100, 80),
        ]);

        Assert.Equal(["序号\t指标\t牵头单位", "1\t公平竞争审查\t区司法局"], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.True(b.IsTableRow));
    }

    [Fact]
    public void Arrange_TwoTextColumns_LeftColumnFirst()
    {
        var lines = new List<OcrLine>();
        for (var row = 0; row < 4; row++)
        {
            lines.Add(Line($"左栏第{row + 1}行，依法全面履行政府职能", 100, 100 + row * 45, 420));
            lines.Add(Line($"右栏第{row + 1}行，严格规范公正文明执法", 620, 100 + row * 45, 420));
        }

        var text = string.Join("", ReadingOrder.Arrange(lines).Select(b => b.Text));

        Assert.True(text.IndexOf("左栏第4行", StringComparison.Ordinal) < text.IndexOf("右栏第1行", StringComparison.Ordinal), text);
        Assert.DoesNotContain(ReadingOrder.Arrange(lines), b => b.IsTableRow);
    }

    [Fact]
    public void Arrange_SkewedPage_RowsStayInOrder()
    {
        // Turned by 4°: the second line's left end sits higher than the first line's right end.
        var blocks = ReadingOrder.Arrange(
        [
            Line("第二行文字", 100, 145, 900, 4),
            Line("第一行文字", 100, 100, 900, 4),
            Line("第三行文字", 100, 190, 900, 4),
        ]);

        Assert.Equal("第一行文字第二行文字第三行文字", string.Concat(blocks.Select(b => b.Text)));
    }

    [Fact]
    public void Arrange_NoLines_NoBlocks() => Assert.Empty(ReadingOrder.Arrange([]));
}
