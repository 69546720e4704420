using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Search;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Indexing;

public sealed class EvidenceCodecTests
{
    private static IndexedPassage Passage(string id, string text) => new()
    {
        DocumentId = id,
        Ordinal = 0,
        Text = text,
        Title = text,
        FileName = id + ".txt",
        FileType = "txt",
    };

    [Fact]
    public async Task Index_WrittenByThePlainCodec_StaysReadableAndGrowsWithOurs()
    {
        using var folder = new TempFolder();
        using (var directory = FSDirectory.Open(folder.Path))
        using (var plain = new IndexWriter(directory, new IndexWriterConfig(AnalyzerFactory.Version, AnalyzerFactory.Create())))
        {
            plain.AddDocuments([PassageDocumentMapper.ToDocument(Passage("old", "二〇二一年行政复议决定书公开情况"))]);
            plain.Commit();
        }

        using (var index = new LuceneEvidenceIndex(folder.Path))
        {
            await index.ReplaceDocumentAsync("new", [Passage("new", "二〇二三年行政复议决定书公开情况")], CancellationToken.None);
            var results = index.Search(new SearchRequest { Query = "行政复议决定书" });

            Assert.Equal(["new", "old"], results.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
            Assert.All(results.Hits, h => Assert.Contains("<mark>", h.Snippet));
        }

        using var reopened = DirectoryReader.Open(FSDirectory.Open(folder.Path));
        var codecs = reopened.Leaves.Select(l => ((SegmentReader)l.AtomicReader).SegmentInfo.Info.Codec.Name).ToList();
        Assert.Contains("Lucene46", codecs);
        Assert.Contains("Evidence46", codecs);
        Assert.Equal(2, reopened.NumDocs);
    }
}
