using Search.Core.Extraction.Web;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Extraction;

public sealed class WebPageReaderTests
{
    [Fact]
    public void Read_SavedPortalPage_ArticleWithoutMenusLinksOrFooter()
    {
        var html = File.ReadAllText(Path.Combine(TestFiles.CorpusDirectory(), "eval", "files", "潼关县司法局2022年法治政府建设工作情况报告.html"));

        var article = WebPageReader.Read(html);

        Assert.Equal("潼关县司法局2022年法治政府建设工作情况报告", article.Title);
        Assert.Equal("某县人民政府", article.Source);
        Assert.Contains("行政应诉工作规则", article.Text);
        Assert.DoesNotContain("县融媒体中心招聘公告", article.Text);
        Assert.DoesNotContain("ICP备案号", article.Text);
        Assert.DoesNotContain("政务服务", article.Text);
    }

    [Fact]
    public void Read_ArticleInBlockNamedLikeChrome_ArticleKept()
    {
        // Templates name the article's own wrappers "main-top" or "con_links"; only small blocks named so are chrome.
        const string html = """
            <html><head><title>关于开展行政执法案卷评查的通知_某区人民政府</title></head><body>
            <div class="top">无障碍 长者模式</div>
            <div class="main-top"><h1>关于开展行政执法案卷评查的通知</h1>
            <div class="con_links"><p>各执法部门：为规范行政执法行为，区司法局决定开展2023年度行政执法案卷评查，随机抽取行政处罚和行政许可案卷，每个部门不少于5卷。</p>
            <p>评查内容包括执法主体、执法程序、证据收集、法律适用和文书制作，评查结果纳入年度法治政府建设考核。</p>
            <p>请各部门于6月30日前报送案卷目录，7月集中评查，8月通报评查结果。</p></div></div>
            <div class="footer">主办单位：某区人民政府办公室</div>
            </body></html>
            """;

        var article = WebPageReader.Read(html);

        Assert.Contains("随机抽取行政处罚和行政许可案卷", article.Text);
        Assert.Contains("8月通报评查结果", article.Text);
        Assert.DoesNotContain("主办单位", article.Text);
        Assert.DoesNotContain("长者模式", article.Text);
    }

    [Fact]
    public void Read_CmsLines_DateAndSourceWithoutMetaTags()
    {
        const string html = """
            <html><head><title>关于开展行政执法案卷评查的通知_某区人民政府</title></head><body>
            <ul class="menu"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">办事服务</a></li></ul>
            <h1>关于开展行政执法案卷评查的通知</h1>
            <div>发布时间：2023-06-12 09:30 来源：区司法局 浏览次数：35</div>
            <div class="content"><p>各执法部门：为规范行政执法行为，区司法局决定开展2023年度行政执法案卷评查，随机抽取行政处罚和行政许可案卷。</p>
            <p>请各部门于6月30日前报送案卷目录。</p></div>
            </body></html>
            """;

        var article = WebPageReader.Read(html);

        Assert.Equal("关于开展行政执法案卷评查的通知", article.Title);
        Assert.Equal(new DateOnly(2023, 6, 12), article.PublishedDate);
        Assert.Equal("区司法局", article.Source);
        Assert.Contains("行政执法案卷评查", article.Text);
        Assert.DoesNotContain("办事服务", article.Text);
    }

    [Fact]
    public void Read_SiteBannerH1_NotTakenForTitle()
    {
        const string html = """
            <html><head><title>权责清单_沙坡头区人民政府</title></head><body>
            <header><h1>沙坡头区人民政府</h1></header>
            <p>区委编办公布2023年权责清单，共涉及23个部门。</p></body></html>
            """;

        Assert.Equal("权责清单", WebPageReader.Read(html).Title);
    }
}
