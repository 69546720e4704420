using Microsoft.Extensions.DependencyInjection;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Indexing;

/// <summary>The index as a projection of the store: committed before "indexed", repaired at start from stored passages.</summary>
[Trait("Category", "Integration")]
public sealed class IndexProjectorTests : IDisposable
{
    // A long timer: only a flush (the end of a job, a decision) commits, so each test decides when.
    private static readonly Dictionary<string, string?> Slow = new() { ["Search:Index:CommitIntervalMilliseconds"] = "600000" };

    private readonly TempFolder _data = new();
    private readonly TempFolder _inputs = new();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_inputs.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static SearchResults Search(Services services, string q) =>
        services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = q });

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_BeforeCommit_ExtractedNotIndexed_AfterFlush_IndexedAndFound(string store)
    {
        using var services = new Services(Slow, _data, store: store);
        var path = Write("a.txt", "区司法局开展行政执法案卷评查，核验码 zqalphaone。");

        var outcome = Assert.Single(await services.Get<IngestionPipeline>().IngestAsync(path, "a.txt", null, CancellationToken.None));

        var documents = services.Get<DocumentRepository>();
        Assert.Equal(DocumentStatus.Extracted, documents.Get(outcome.DocumentId!)!.Status);
        Assert.Equal(0, Search(services, "zqalphaone").Total);

        await services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(DocumentStatus.Indexed, documents.Get(outcome.DocumentId!)!.Status);
        Assert.Equal(1, Search(services, "zqalphaone").Total);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Restart_IndexAndOriginalsLost_RebuiltFromStoredPassagesWithoutExtracting(string store)
    {
        IReadOnlyList<IndicatorRef> before;
        using (var first = new Services(Slow, _data, store: store))
        {
            var job = await first.Get<IngestionService>().RunNowAsync(
            [
                new JobFile(Write("a.txt", "关于开展公平竞争审查工作的通知，核验码 zqbravoone。"), "12-公平竞争审查/a.txt", "区市场监管分局"),
                new JobFile(Write("b.txt", "行政复议决定书网上公开情况，核验码 zqbravotwo。"), "b.txt", "区司法局"),
            ], "test", null, CancellationToken.None);
            Assert.Equal(JobStatus.Completed, job.Status);
            before = Search(first, "zqbravoone").Hits.Single().Indicators;
            Assert.NotEmpty(before);
        }
        var paths = new DataPaths(_data.Path);
        Directory.Delete(paths.Lucene, recursive: true);
        Directory.Delete(paths.Originals, recursive: true);

        using var second = new Services(Slow, _data, store: store);
        await second.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(before, Search(second, "zqbravoone").Hits.Single().Indicators);
        Assert.Equal(1, Search(second, "zqbravotwo").Total);
        Assert.Equal(2, second.Get<IndexProjector>().Status.Repaired);
        Assert.True(second.Get<IndexConsistency>().Check().Agrees);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Restart_KilledBeforeTheCommit_DocumentIndexedFromTheStore(string store)
    {
        string id;
        using (var first = new Services(Slow, _data, store: store))
        {
            // Stored and extracted, but no commit ever held it (the process died before the projector's pass).
            id = (await first.Get<IngestionPipeline>().IngestAsync(Write("c.txt", "乡镇防汛应急预案，核验码 zqcharlie。"), "c.txt", null, CancellationToken.None))[0].DocumentId!;
        }

        using var second = new Services(Slow, _data, store: store);
        await second.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(1, Search(second, "zqcharlie").Total);
        Assert.Equal(DocumentStatus.Indexed, second.Get<DocumentRepository>().Get(id)!.Status);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Restart_IndexHoldsADocumentTheStoreDoesNotKnow_Dropped(string store)
    {
        using (var first = new Services(Slow, _data, store: store))
        {
            var id = (await first.Get<IngestionService>().RunNowAsync([new JobFile(Write("d.txt", "府院联动联席会议纪要，核验码 zqdeltaone。"), "d.txt", null)], "test", null, CancellationToken.None)).Files[0].DocumentId!;
            Assert.Equal(1, Search(first, "zqdeltaone").Total);
            // The row and its deletion request are gone, as if the store had been restored from a backup.
            first.Get<MetadataDatabase>().Execute("DELETE FROM documents WHERE id=@id", ("@id", id));
        }

        using var second = new Services(Slow, _data, store: store);
        await second.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(0, Search(second, "zqdeltaone").Total);
        Assert.Equal(1, second.Get<IndexProjector>().Status.Dropped);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Delete_KilledBeforeTheCommit_GoneAfterRestart(string store)
    {
        using (var first = new Services(Slow, _data, store: store))
        {
            var id = (await first.Get<IngestionService>().RunNowAsync([new JobFile(Write("e.txt", "双随机一公开抽查结果公示，核验码 zqechoone。"), "e.txt", null)], "test", null, CancellationToken.None)).Files[0].DocumentId!;
            await first.Get<IngestionPipeline>().DeleteAsync(id, CancellationToken.None);
        }

        using var second = new Services(Slow, _data, store: store);
        await second.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(0, Search(second, "zqechoone").Total);
        Assert.Empty(second.Get<DocumentRepository>().PendingDeletions(10));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task SecondOwner_RefusedAtOnceNamingTheFirst_ReaderSeesTheCommit(string store)
    {
        using var owner = new Services(Slow, _data, store: store);
        await owner.Get<IngestionService>().RunNowAsync([new JobFile(Write("f.txt", "权责清单动态调整，核验码 zqfoxtrot。"), "f.txt", null)], "test", null, CancellationToken.None);

        using var second = new Services(Slow, _data, store: store);
        var refused = Assert.Throws<DataDirectoryBusyException>(() => second.Get<IEvidenceIndex>());
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message);

        using var reader = new Services(Slow, _data, s => s.AddSingleton(IndexAccess.ReadOnly("query")), store);
        Assert.False(reader.Get<IEvidenceIndex>().IsWritable);
        Assert.Equal(1, Search(reader, "zqfoxtrot").Total);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Decisions_WhileIngestingAndClassifying_IndexAgreesWithTheStore(string store)
    {
        using var services = new Services(Slow, _data, store: store);
        var ingestion = services.Get<IngestionService>();
        var seeds = Enumerable.Range(0, 6).Select(i => new JobFile(Write($"seed{i}.txt", $"区司法局行政复议案件办理情况第{i}期，核验码 zqseed{(char)('a' + i)}。"), $"seed{i}.txt", "区司法局")).ToList();
        var ids = (await ingestion.RunNowAsync(seeds, "test", null, CancellationToken.None)).Files.Select(f => f.DocumentId!).ToList();
        var more = Enumerable.Range(0, 24).Select(i => new JobFile(Write($"more{i}.txt", $"区市场监管分局公平竞争审查工作第{i}次通报，双随机抽查 zqmore{(char)('a' + i)}。"), $"more{i}.txt", "区市场监管分局")).ToList();
        var mappings = services.Get<MappingService>();
        var classification = services.Get<ClassificationService>();

        var ingest = ingestion.RunNowAsync(more, "test", null, CancellationToken.None);
        var decide = Task.Run(async () =>
        {
            var random = new Random(3);
            for (var i = 0; i < 40; i++)
            {
                var kind = (DecisionKind)(i % 3);
                await mappings.DecideAsync(ids[random.Next(ids.Count)], "shapotou-2023", random.Next(1, 30), kind, "审核员", null, CancellationToken.None);
            }
        });
        var classify = Task.Run(() =>
        {
            for (var i = 0; i < 60; i++)
            {
                Assert.NotNull(classification.ClassifyText("行政复议", "行政复议决定书公开，复议案件办理。", "shapotou-2023", 3));
            }
        });
        await Task.WhenAll(ingest, decide, classify);
        await services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.True(services.Get<IndexConsistency>().Check().Agrees);
        var decisions = services.Get<MappingDecisionRepository>();
        foreach (var id in ids)
        {
            var expected = EvidenceLinkRule.Apply(decisions.AutoMatchesOf(id), decisions.ForDocument(id)).Select(l => (l.Framework, l.Number)).Order().ToList();
            var code = services.Get<DocumentRepository>().GetPassages(id)[0].Text.Split(' ')[^1].TrimEnd('。');
            var hit = Search(services, code).Hits.Single();
            Assert.Equal(expected, hit.Indicators.Select(i => (i.Framework, i.Number)).Order().ToList());
        }
    }

    public void Dispose()
    {
        MetadataDatabase.ReleasePools();
        Stores.Drop(_data);
        _data.Dispose();
        _inputs.Dispose();
    }
}
