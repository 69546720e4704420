using System.Net;
using System.Text;
using Search.Core.WebChecks;

namespace Search.Core.Tests.WebChecks;

public sealed class PageReaderTests
{
    [Theory]
    [InlineData("<meta name=\"PubDate\" content=\"2023-03-10 09:30\">", "", "2023-03-10")]
    [InlineData("<meta content=\"2022-12-01T08:00:00+08:00\" property=\"article:published_time\">", "", "2022-12-01")]
    [InlineData("", "来源：区司法局 发布时间：2023年3月5日 浏览次数：12", "2023-03-05")]
    [InlineData("", "发布日期： 2023/04/02", "2023-04-02")]
    [InlineData("", "2022年度法治政府建设年度报告", null)]
    [InlineData("", "发布时间：2023-13-45", null)]
    public void PublishedDate_MetaOrLabelledText(string html, string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), PageReader.PublishedDate(html, text));
    }

    [Fact]
    public void Read_GbkDeclaredInPage_Decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GBK").GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>权责清单</title></head><body>区司法局权责清单</body></html>");

        var page = PageReader.Read(bytes, "text/html");

        Assert.Equal("权责清单", page.Title);
        Assert.Contains("区司法局权责清单", page.Text);
    }
}

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("219.147.1.10", false)]
    [InlineData("2400:3200::1", false)]
    public void IsInternal_Ranges(string address, bool expected)
    {
        Assert.Equal(expected, AddressGuard.IsInternal(IPAddress.Parse(address)));
    }
}
