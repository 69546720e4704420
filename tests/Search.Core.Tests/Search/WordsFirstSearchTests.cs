using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Search;

namespace Search.Core.Tests.Search;

/// <summary>
/// A word found as a word in more documents than anyone pages through: the page is the same, matches inside
/// longer words are not looked for, and the total says it is a lower bound. Below the cap everything is counted.
/// </summary>
public sealed class WordsFirstSearchTests : IDisposable
{
    private readonly LuceneEvidenceIndex _index = new(new RAMDirectory());

    private void Add(int count, string prefix, string text)
    {
        var documents = Enumerable.Range(0, count).Select(i => ($"{prefix}{i:D5}", (IReadOnlyList<IndexedPassage>)
        [
            new IndexedPassage { DocumentId = $"{prefix}{i:D5}", Ordinal = 0, Text = text, Title = "材料", FileName = $"{prefix}{i}.txt", FileType = "text" },
        ]));
        _index.ReplaceDocumentsAsync(documents, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void Search_CommonWord_PageOfWholeWordMatches_TotalALowerBound()
    {
        Add(LuceneEvidenceIndex.RecallCap + 50, "word", "人民群众满意度调查。");
        Add(3, "inside", "依据中华人民共和国行政复议法。");

        var results = _index.Search(new SearchRequest { Query = "人民", Size = 20 });

        Assert.True(results.TotalIsLowerBound);
        Assert.Equal(LuceneEvidenceIndex.RecallCap + 50, results.Total);
        Assert.All(results.Hits, h => Assert.StartsWith("word", h.DocumentId));
    }

    [Fact]
    public void Search_RareWord_EveryMatchCountedIncludingInsideLongerWords()
    {
        Add(40, "word", "人民群众满意度调查。");
        Add(3, "inside", "依据中华人民共和国行政复议法。");

        var results = _index.Search(new SearchRequest { Query = "人民", Size = 50 });

        Assert.False(results.TotalIsLowerBound);
        Assert.Equal(43, results.Total);
        // Whole words first, matches inside a longer word after them.
        Assert.All(results.Hits.Take(40), h => Assert.StartsWith("word", h.DocumentId));
        Assert.All(results.Hits.Skip(40), h => Assert.StartsWith("inside", h.DocumentId));
    }

    [Fact]
    public void Search_CommonWordSortedByDate_EveryMatchCounted()
    {
        Add(LuceneEvidenceIndex.RecallCap + 50, "word", "人民群众满意度调查。");
        Add(3, "inside", "依据中华人民共和国行政复议法。");

        var results = _index.Search(new SearchRequest { Query = "人民", Sort = SearchSort.Date });

        Assert.False(results.TotalIsLowerBound);
        Assert.Equal(LuceneEvidenceIndex.RecallCap + 53, results.Total);
    }

    public void Dispose() => _index.Dispose();
}
