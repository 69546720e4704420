using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>
/// Builds the one analyzer used for both indexing and querying, at one pinned Lucene version.
/// SmartCn behaviours the code relies on: punctuation is dropped (its stop words are punctuation only),
/// digits come out as separate tokens (2021 | 年), names it does not know are split into single characters,
/// and its dictionary cannot be extended — hence the parallel bigram fields for verbatim recall, and
/// <see cref="TextNormalizer"/> in front of both, which turns full-width forms into half-width.
/// </summary>
public static class AnalyzerFactory
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create()
    {
        var bigram = new BigramAnalyzer();
        var smart = new NormalizingSmartChineseAnalyzer();
        return new PerFieldAnalyzerWrapper(smart, new Dictionary<string, Analyzer>
        {
            [IndexFields.TextBigram] = bigram,
            [IndexFields.TitleBigram] = bigram,
            [IndexFields.DocNumber] = bigram,
            [IndexFields.FileName] = bigram,
        });
    }

    /// <summary>SmartCn words over normalised text.</summary>
    public sealed class NormalizingSmartChineseAnalyzer : Analyzer
    {
        // The same chain as SmartChineseAnalyzer: sentence/word segmentation, lower case, Porter stemming of Latin words, punctuation stop set.
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new HMMChineseTokenizer(reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new Lucene.Net.Analysis.En.PorterStemFilter(stream);
            stream = new StopFilter(Version, stream, SmartChineseAnalyzer.DefaultStopSet);
            return new TokenStreamComponents(tokenizer, stream);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => NormalizingReader.Wrap(reader);
    }

    /// <summary>CJK bigrams over normalised text.</summary>
    public sealed class BigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new CjkBigramTokenizer(reader));

        protected override TextReader InitReader(string fieldName, TextReader reader) => NormalizingReader.Wrap(reader);
    }
}
