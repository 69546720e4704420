using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class AnalyzerFactoryTests
{
    private static readonly Analyzer Analyzer = AnalyzerFactory.Create();

    private static string[] Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return [.. tokens];
    }

    [Theory]
    [InlineData("推进行政复议体制改革。", new[] { "推进", "行政", "复议", "体制", "改革" })]
    [InlineData("枣法委发〔2021〕10号", new[] { "枣", "法", "委", "发", "2021", "10", "号" })]
    [InlineData("推行Internet监管", new[] { "推行", "internet", "监管" })]
    [InlineData("２０２１年", new[] { "2021", "年" })]
    public void SmartCn_GoldenTokens(string text, string[] expected) => Assert.Equal(expected, Tokens(IndexFields.Text, text));

    [Theory]
    [InlineData("双随机", new[] { "双随", "随机" })]
    [InlineData("枣法委发[2021]10号", new[] { "枣法", "法委", "委发", "2021", "10", "号" })]
    [InlineData("局", new[] { "局" })]
    [InlineData("ＡＢＣ１２３审查", new[] { "abc123", "审查" })]
    public void Bigram_GoldenTokens(string text, string[] expected) => Assert.Equal(expected, Tokens(IndexFields.TextBigram, text));

    [Fact]
    public void Normalizer_DocNumberBrackets_AllBecomeHexagonal()
    {
        Assert.Equal("枣法委发〔2021〕10号", TextNormalizer.Normalize("枣法委发[2021]10号"));
        Assert.Equal("枣法委发〔2021〕10号", TextNormalizer.Normalize("枣法委发（2021）10号"));
        Assert.Equal("A1!", TextNormalizer.Normalize("Ａ１！"));
    }
}
