using System.Text;
using Search.Core.Extraction.Pdf;

namespace Search.Core.Tests.Extraction;

public sealed class TextLayerCheckTests
{
    // From corpus/policy/national-2019.txt.
    private const string Notice = "《关于开展法治政府建设示范创建活动的意见》已经中央全面依法治国委员会第二次会议审议，并报中央领导同志同意，现印发给你们，请结合实际认真贯彻落实。";

    [Fact]
    public void Judge_ChineseText_IsUsable()
    {
        Assert.True(TextLayerCheck.Judge(Notice, Notice.Length, 0).IsUsable);
    }

    [Fact]
    public void Judge_EnglishText_IsUsable()
    {
        const string text = "Annual report of the legal affairs office, 2023: administrative reconsideration cases (12) were closed.";
        Assert.True(TextLayerCheck.Judge(text, text.Length, 0).IsUsable);
    }

    [Fact]
    public void Judge_GbBytesReadAsWinAnsi_IsUnusable()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var mojibake = Encoding.GetEncoding(1252).GetString(Encoding.GetEncoding("GB18030").GetBytes(Notice));

        var verdict = TextLayerCheck.Judge(mojibake, mojibake.Length, 0);

        Assert.False(verdict.IsUsable);
        Assert.Contains("乱码", verdict.Reason);
    }

    [Fact]
    public void Judge_FontCodesWithoutToUnicode_IsUnusable()
    {
        // What PdfPig reads from a subset font whose ToUnicode map was removed: glyph codes as ASCII.
        const string codes = "!\"#$%&'()*&+,-./01234567689:;<=<.>?@ABCDEFGHIJKLMGN!\"#$%&'()*&+,-./";

        var verdict = TextLayerCheck.Judge(codes, codes.Length, 0);

        Assert.False(verdict.IsUsable);
        Assert.Contains("ToUnicode", verdict.Reason);
    }

    [Fact]
    public void Judge_RareIdeographsAndHangul_IsUnusable()
    {
        // CID values taken as code points land on rare ideographs and other scripts.
        const string text = "䶵䶶䶷䶸䶹䶺䶻䶼䶽䶾䶿가각간갇갈갉갊감갑값";

        Assert.False(TextLayerCheck.Judge(text, text.Length, 0).IsUsable);
    }

    [Fact]
    public void Judge_GlyphsWithoutCharacters_IsUnusable()
    {
        var verdict = TextLayerCheck.Judge("第1页", 300, 290);

        Assert.False(verdict.IsUsable);
        Assert.Contains("290/300", verdict.Reason);
    }

    [Fact]
    public void Judge_AlmostNoText_IsMissing()
    {
        var verdict = TextLayerCheck.Judge("  3 ", 1, 0);

        Assert.False(verdict.IsUsable);
        Assert.Null(verdict.Reason);
    }

    [Theory]
    [InlineData('法', true)]
    [InlineData('镕', false)]
    [InlineData('䶵', false)]
    public void IsCommonHanzi_Gb2312Set(char c, bool expected) => Assert.Equal(expected, TextLayerCheck.IsCommonHanzi(c));
}
