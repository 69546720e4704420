using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Search;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Search;

public sealed class EvidenceSearchTests : IDisposable
{
    private readonly LuceneEvidenceIndex _index;

    public EvidenceSearchTests()
    {
        var vocabulary = Vocabulary.Load(Path.Combine(TestFiles.CorpusDirectory(), "vocabulary"));
        _index = new LuceneEvidenceIndex(new RAMDirectory(), vocabulary);
        Add("d-random", "关于开展双随机、一公开监管工作的通知", "区市场监管分局全面推行双随机、一公开监管，随机抽取检查对象。", "区市场监管分局", new DateOnly(2022, 3, 1), "pdf", 4);
        Add("d-spot", "随机抽查事项清单", "公布本部门随机抽查事项清单和检查对象名录库。", "区市场监管分局", new DateOnly(2023, 5, 6), "xlsx", 4);
        Add("d-bank", "中国农业发展银行支农贷款", "中国农业发展银行中卫分行发放贷款。", "区财政局", new DateOnly(2021, 7, 1), "docx", null);
        Add("d-fy", "行政复议决定书", "区政府作出行政复议决定书，维持原行政行为。卫沙政复决字〔2023〕5号", "区司法局", new DateOnly(2023, 9, 1), "pdf", 40, docNumber: "卫沙政复决字〔2023〕5号");
        Add("d-gf", "规范性文件备案审查", "区司法局对行政规范性文件进行合法性审核并备案。", "区司法局", new DateOnly(2022, 11, 20), "docx", 19);
        Add("d-sxzd", "行政执法公示制度", "各执法部门落实行政执法公示，在网站公开执法信息。", "区综合执法局", new DateOnly(2022, 1, 10), "html", 45);
        Add("d-record", "执法全过程记录制度", "区市场监管分局制定执法全过程记录制度和音像记录事项清单。", "区市场监管分局", new DateOnly(2022, 2, 10), "docx", 48);
        Add("d-num", "枣庄市实施方案", "枣法委发〔2021〕10号 印发实施方案。", "枣庄市", new DateOnly(2021, 9, 1), "pdf", null, docNumber: "枣法委发〔2021〕10号");
        Add("d-fullwidth", "统计年报", "２０２２年行政执法统计年报已报送。", "区司法局", new DateOnly(2023, 1, 20), "pdf", 48);
    }

    private void Add(string id, string title, string text, string department, DateOnly date, string type, int? indicator, string? docNumber = null) =>
        _index.ReplaceDocumentAsync(id,
        [
            new IndexedPassage
            {
                DocumentId = id, Ordinal = 0, Text = text, Title = title, FileName = id + "." + type, Department = department, Date = date, FileType = type, DocNumber = docNumber,
                Page = 2, Indicators = indicator is { } n ? [new IndicatorRef("shapotou-2023", n, 0.5)] : [],
            },
        ], CancellationToken.None).GetAwaiter().GetResult();

    private string[] Ids(string query) => _index.Search(new SearchRequest { Query = query }).Hits.Select(h => h.DocumentId).Order().ToArray();

    [Theory]
    [InlineData("双随机一公开", new[] { "d-random", "d-spot" })]
    [InlineData("随机抽查", new[] { "d-random", "d-spot" })]
    [InlineData("双随机、一公开", new[] { "d-random", "d-spot" })]
    [InlineData("随机", new[] { "d-random", "d-spot" })]
    [InlineData("农业", new[] { "d-bank" })]
    [InlineData("复议", new[] { "d-fy" })]
    [InlineData("行政规范性文件", new[] { "d-gf" })]
    [InlineData("规范性文件", new[] { "d-gf" })]
    [InlineData("行政执法三项制度", new[] { "d-record", "d-sxzd" })]
    [InlineData("三项制度", new[] { "d-record", "d-sxzd" })]
    [InlineData("枣法委发[2021]10号", new[] { "d-num" })]
    [InlineData("枣法委发（2021）10号", new[] { "d-num" })]
    [InlineData("2022年行政执法统计年报", new[] { "d-fullwidth" })]
    [InlineData("\"维持原行政行为\"", new[] { "d-fy" })]
    [InlineData("\"原行政维持\"", new string[0])]
    [InlineData("复议 OR 农业", new[] { "d-bank", "d-fy" })]
    [InlineData("区司法局 -复议", new[] { "d-fullwidth", "d-gf" })]
    [InlineData("审核 NOT 复议", new[] { "d-gf" })]
    [InlineData("随机 department:区市场监管分局 type:xlsx", new[] { "d-spot" })]
    [InlineData("year:2023 区司法局", new[] { "d-fullwidth", "d-fy" })]
    [InlineData("indicator:40", new[] { "d-fy" })]
    [InlineData("from:2023-01-01 to:2023-06-30", new[] { "d-fullwidth", "d-spot" })]
    public void Search_Query_FindsExpectedDocuments(string query, string[] expected) => Assert.Equal(expected, Ids(query));

    [Fact]
    public async Task Search_ExactWordRanksAboveInsideWordMatch()
    {
        await _index.ReplaceDocumentAsync("d-exact", [new IndexedPassage { DocumentId = "d-exact", Ordinal = 0, Text = "加强农业执法工作。", Title = "农业执法", FileType = "pdf" }], CancellationToken.None);

        var hits = _index.Search(new SearchRequest { Query = "农业" }).Hits;

        Assert.Equal("d-exact", hits[0].DocumentId);
    }

    [Fact]
    public void Search_Hit_HasSnippetPageIndicatorsAndMetadata()
    {
        var hit = Assert.Single(_index.Search(new SearchRequest { Query = "复议决定书", Framework = "shapotou-2023" }).Hits);

        Assert.Contains("<mark>复议决定书</mark>", hit.Snippet);
        Assert.Equal(2, hit.Page);
        Assert.Equal("区司法局", hit.Department);
        Assert.Equal("卫沙政复决字〔2023〕5号", hit.DocNumber);
        Assert.Equal(40, Assert.Single(hit.Indicators).Number);
    }

    [Fact]
    public void Search_FacetsAgreeWithFilters()
    {
        var all = _index.Search(new SearchRequest { Query = "区司法局" });
        var filtered = _index.Search(new SearchRequest { Query = "区司法局", FileType = "pdf" });

        var pdfFacet = all.Facets.FileType.Single(f => f.Value == "pdf").Count;
        Assert.Equal(pdfFacet, filtered.Total);
        Assert.Equal(filtered.Total, filtered.Facets.FileType.Sum(f => f.Count));
        Assert.Contains(all.Facets.Year, f => f.Value == "2023");
    }

    [Fact]
    public void Search_PagingAndDateSort()
    {
        var first = _index.Search(new SearchRequest { Query = "from:2022-01-01", Size = 2, Page = 1, Sort = SearchSort.Date });
        var second = _index.Search(new SearchRequest { Query = "from:2022-01-01", Size = 2, Page = 2, Sort = SearchSort.Date });

        Assert.Equal(2, first.Hits.Count);
        Assert.Equal("d-fy", first.Hits[0].DocumentId);
        Assert.Empty(first.Hits.Select(h => h.DocumentId).Intersect(second.Hits.Select(h => h.DocumentId)));
        Assert.True(first.Hits[^1].Date >= second.Hits[0].Date);
    }

    [Theory]
    [InlineData("\"行政复议", "引号")]
    [InlineData("复议 OR", "OR")]
    [InlineData("year:abc", "year")]
    [InlineData("NOT", "NOT")]
    public void Search_BadQuery_ThrowsReadableError(string query, string mentions)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _index.Search(new SearchRequest { Query = query }));
        Assert.Contains(mentions, e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("、，。——")]
    public void Search_EmptyOrPunctuation_ReturnsNothingWithNotice(string query)
    {
        var results = _index.Search(new SearchRequest { Query = query });

        Assert.Equal(0, results.Total);
        Assert.NotNull(results.Notice);
    }

    [Fact]
    public async Task Replace_IsSearchableAtOnce_AndDeleteRemoves()
    {
        await _index.ReplaceDocumentAsync("d-new", [new IndexedPassage { DocumentId = "d-new", Ordinal = 0, Text = "府院联动工作机制", Title = "府院联动", FileType = "pdf" }], CancellationToken.None);
        Assert.Equal(["d-new"], Ids("府院联动"));

        await _index.DeleteDocumentAsync("d-new", CancellationToken.None);
        Assert.Empty(Ids("府院联动"));
    }

    public void Dispose() => _index.Dispose();
}
