using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Store;
using Search.Core.Extraction;
using Search.Core.Indexing;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Indexing;

/// <summary>
/// Words analysed once at ingestion stand in for two analyses: the index's word field and matching's words.
/// These tests hold them to being the very same tokens, on the notices' own text and on text made to differ.
/// </summary>
public sealed class PassageWordsTests
{
    private static readonly Analyzer Index = AnalyzerFactory.Create();

    /// <summary>Passages of every notice, split as ingestion splits them, and lines with what normalisation treats differently.</summary>
    public static IReadOnlyList<string> Texts()
    {
        var corpus = Path.Combine(TestFiles.CorpusDirectory(), "policy");
        var passages = System.IO.Directory.GetFiles(corpus, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => PassageSplitter.Split(new ExtractionResult([.. File.ReadAllLines(f).Where(l => l.Trim().Length > 0).Select(l => new TextSection(l.Trim(), 1))], 1)))
            .Select(p => p.Text);
        return
        [
            .. passages,
            "依据《中华人民共和国行政复议法》第十二条……现予公布。",
            "枣法委发[2021]10号 ①建立健全 ＡＢＣ１２３ Ⅲ类 ℃",
            "The Rules of PROCEDURE were Adopted; ÉTAT Ωmega Straße",
            "全角空格　和半角 空格，（括号）“引号”、顿号。",
        ];
    }

    [Fact]
    public void Replay_GivesTheAnalysersTokensAttributeForAttribute()
    {
        foreach (var text in Texts())
        {
            var words = PassageWords.Analyse(new AnalyzerFactory.NormalizingSmartChineseAnalyzer(), IndexFields.Text, text);
            using var analysed = Index.GetTokenStream(IndexFields.Text, text);
            Assert.Equal(Read(analysed), Read(words.Replay()));
        }
    }

    [Fact]
    public void Terms_WhereTheyServeMatching_AreMatchingsOwnWords()
    {
        var tokenizer = new MatchTokenizer();
        var serving = 0;
        foreach (var text in Texts())
        {
            var words = PassageWords.Analyse(new AnalyzerFactory.NormalizingSmartChineseAnalyzer(), IndexFields.Text, text);
            if (words.ServesMatching)
            {
                serving++;
                Assert.Equal(tokenizer.Words(text), words.Terms);
            }
        }
        // Nearly every passage of a notice is served: only the lines made to differ are not.
        Assert.True(serving >= Texts().Count - 4, $"{serving} of {Texts().Count}");
    }

    [Fact]
    public void ServesMatching_IsFalse_WhereTheNormalisationsOrCasesDiffer()
    {
        var analyzer = new AnalyzerFactory.NormalizingSmartChineseAnalyzer();
        Assert.False(PassageWords.Analyse(analyzer, IndexFields.Text, "依据……公布").ServesMatching);
        Assert.False(PassageWords.Analyse(analyzer, IndexFields.Text, "枣法委发[2021]10号").ServesMatching);
        Assert.False(PassageWords.Analyse(analyzer, IndexFields.Text, "ÉTAT 审查").ServesMatching);
        Assert.True(PassageWords.Analyse(analyzer, IndexFields.Text, "区司法局（ＡＢＣ）开展审查，The Rules.").ServesMatching);
    }

    [Fact]
    public void Words_OfPassagesJoinedByLineEnds_AreTheirWordsInTurn()
    {
        // Matching reads a short document's head as its passages, one per line: their words stand for the head's.
        var tokenizer = new MatchTokenizer();
        var texts = Texts();
        for (var start = 0; start + 6 <= texts.Count; start += 6)
        {
            var group = texts.Skip(start).Take(6).ToList();
            var head = string.Concat(group.Select(t => t + "\n"));
            Assert.Equal(tokenizer.Words(head), group.SelectMany(tokenizer.Words).ToList());
        }
    }

    [Fact]
    public async Task Search_IndexFedWithReplayedWords_FindsWhatTheAnalysedIndexFinds()
    {
        var vocabulary = Vocabulary.Load(Path.Combine(TestFiles.CorpusDirectory(), "vocabulary"));
        using var analysed = new LuceneEvidenceIndex(new RAMDirectory(), vocabulary);
        using var replayed = new LuceneEvidenceIndex(new RAMDirectory(), vocabulary);
        var analyzer = new AnalyzerFactory.NormalizingSmartChineseAnalyzer();
        var texts = Texts();
        for (var d = 0; d * 5 < texts.Count; d++)
        {
            var passages = texts.Skip(d * 5).Take(5).Select((t, i) => new IndexedPassage { DocumentId = $"d{d}", Ordinal = i, Text = t, Title = $"文件{d}", FileType = "pdf" }).ToList();
            await analysed.ReplaceDocumentAsync($"d{d}", passages, CancellationToken.None);
            await replayed.ReplaceDocumentAsync($"d{d}", passages.Select(p => p with { Words = PassageWords.Analyse(analyzer, IndexFields.Text, p.Text) }).ToList(), CancellationToken.None);
        }
        foreach (var query in new[] { "行政复议", "\"重大行政决策\"", "公平竞争审查", "法律顾问 -公职律师", "双随机一公开", "行政执法 公示", "ABC123", "Rules procedure" })
        {
            var expected = analysed.Search(new SearchRequest { Query = query, Size = 100 });
            var actual = replayed.Search(new SearchRequest { Query = query, Size = 100 });
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(h => (h.DocumentId, h.Ordinal, h.Score, h.Snippet)), actual.Hits.Select(h => (h.DocumentId, h.Ordinal, h.Score, h.Snippet)));
        }
    }

    [Fact]
    public void AnalysedPassages_KeepsTheNewestWithinCapacity_AndHandsEachOut_Once()
    {
        var cache = new AnalysedPassages(IndexAccess.OwnerAs("test"));
        var words = cache.Analyse(["区司法局开展行政复议工作。"]);
        for (var i = 0; i <= AnalysedPassages.Capacity; i++)
        {
            cache.Offer($"d{i}", words);
        }

        Assert.Equal(AnalysedPassages.Capacity, cache.Count);
        Assert.Null(cache.Take("d0"));
        Assert.Same(words, cache.Take($"d{AnalysedPassages.Capacity}"));
        Assert.Null(cache.Take($"d{AnalysedPassages.Capacity}"));

        var reader = new AnalysedPassages(new IndexAccess(false, "worker"));
        reader.Offer("d", words);
        Assert.Equal(0, reader.Count);
    }

    private static List<(string Term, int Increment, int Start, int End)> Read(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, int, int, int)>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        tokens.Add(("<end>", increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        stream.Dispose();
        return tokens;
    }
}
