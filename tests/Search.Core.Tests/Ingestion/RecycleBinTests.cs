using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Ingestion;

/// <summary>
/// Deleting moves a document to the recycle bin: gone from search, lists, coverage and the index, back as it was when
/// restored, ingested again when the same content is uploaded, purged for good after the retention period.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RecycleBinTests : IDisposable
{
    // Only a flush commits, so each test decides when the index follows the store.
    private static readonly Dictionary<string, string?> Slow = new() { ["Search:Index:CommitIntervalMilliseconds"] = "600000" };

    private readonly TempFolder _data = new();
    private readonly TempFolder _inputs = new();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_inputs.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<string> IngestAsync(Services services, string path, string name, string? department)
    {
        var outcome = Assert.Single(await services.Get<IngestionPipeline>().IngestAsync(path, name, department, CancellationToken.None));
        Assert.Equal(IngestOutcomeKind.Ingested, outcome.Outcome);
        await services.Get<IndexProjector>().FlushAsync(CancellationToken.None);
        return outcome.DocumentId!;
    }

    private static SearchResults Search(Services services, string q, string? framework = null) =>
        services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = q, Framework = framework });

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task MoveIn_GoneEverywhere_Restore_FindableWithItsDecisions(string store)
    {
        using var services = new Services(Slow, _data, store: store);
        var id = await IngestAsync(services, Write("a.txt", "关于开展公平竞争审查工作的通知\n区市场监管分局对政策措施开展公平竞争审查，核验码 zqbinalpha。\n2023年3月6日"),
            "12-公平竞争审查/a.txt", "区市场监管分局");
        await services.Get<MappingService>().DecideAsync(id, "shapotou-2023", 12, DecisionKind.Confirm, "审核员甲", "核对过", CancellationToken.None);
        services.Get<ItemDecisionService>().Decide(id, "shapotou-2023", 12, 1, DecisionKind.Confirm, "审核员甲", null);
        var bin = services.Get<RecycleBin>();
        var documents = services.Get<DocumentRepository>();

        var moved = await bin.MoveInAsync(id, "司法局乙", CancellationToken.None);

        Assert.Equal("司法局乙", moved.DeletedBy);
        Assert.Equal(0, Search(services, "zqbinalpha").Total);
        Assert.Null(documents.Get(id));
        Assert.DoesNotContain(documents.ListAll(), d => d.Id == id);
        Assert.DoesNotContain(documents.ListSearchable(), d => d.Id == id);
        Assert.DoesNotContain("区市场监管分局", documents.Departments());
        var coverage = services.Get<CoverageService>().Build("shapotou-2023");
        Assert.Equal(0, coverage.DocumentCount);
        Assert.DoesNotContain(coverage.Indicators.Single(i => i.Number == 12).Materials, m => m.DocumentIds.Contains(id));
        Assert.Equal(id, Assert.Single(bin.List()).Id);
        var consistency = services.Get<IndexConsistency>().Check();
        Assert.True(consistency.Agrees);
        Assert.Equal(1, consistency.ByStatus["deleted"]);
        await Assert.ThrowsAsync<NotFoundException>(() => bin.MoveInAsync(id, "司法局乙", CancellationToken.None));

        var restored = await bin.RestoreAsync(id, "司法局乙", CancellationToken.None);

        Assert.Null(restored.DeletedAt);
        Assert.Empty(bin.List());
        var hit = Search(services, "zqbinalpha", "shapotou-2023").Hits.Single();
        Assert.Contains(hit.Indicators, i => i.Number == 12 && i.Score == 1.0);
        var item = services.Get<CoverageService>().Build("shapotou-2023").Indicators.Single(i => i.Number == 12).Materials.Single(m => m.Index == 1);
        Assert.Contains(id, item.ConfirmedDocumentIds);
        Assert.True(services.Get<IndexConsistency>().Check().Agrees);
        Assert.Contains(services.Get<AuditLog>().Recent(), a => a.Action == "restore" && a.Target == id && a.User == "司法局乙");
        await Assert.ThrowsAsync<NotFoundException>(() => bin.RestoreAsync(id, "司法局乙", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Upload_ContentInTheBin_IngestedAgainUnderTheNewNameAndLeavesTheBin(string store)
    {
        using var services = new Services(Slow, _data, store: store);
        var path = Write("b.txt", "区司法局行政执法公示制度执行情况报告，核验码 zqbinbravo。");
        var id = await IngestAsync(services, path, "公示报告.txt", "区司法局");
        await services.Get<RecycleBin>().MoveInAsync(id, "司法局乙", CancellationToken.None);

        var again = Assert.Single(await services.Get<IngestionPipeline>().IngestAsync(path, "执法公示报告（定稿）.txt", "区司法局", CancellationToken.None));
        await services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(IngestOutcomeKind.Ingested, again.Outcome);
        Assert.Equal(id, again.DocumentId);
        Assert.Contains("回收站", again.Reason);
        Assert.Empty(services.Get<RecycleBin>().List());
        Assert.Equal("执法公示报告（定稿）.txt", services.Get<DocumentRepository>().Get(id)!.SourcePath);
        Assert.Equal(1, Search(services, "zqbinbravo").Total);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task PurgeExpired_RemovesWhatOutlivedTheRetention_KeepsTheRest(string store)
    {
        using var services = new Services(Slow, _data, store: store);
        var old = await IngestAsync(services, Write("c.txt", "双随机一公开抽查结果公示，核验码 zqbincharlie。"), "c.txt", "区市场监管分局");
        var recent = await IngestAsync(services, Write("d.txt", "政府法律顾问工作台账，核验码 zqbindelta。"), "d.txt", "区司法局");
        var documents = services.Get<DocumentRepository>();
        var original = documents.Get(old)!.StoredPath;
        var bin = services.Get<RecycleBin>();
        await bin.MoveInAsync(old, "甲", CancellationToken.None);
        await bin.MoveInAsync(recent, "乙", CancellationToken.None);
        // Deleted 31 days ago, as if the bin had held it that long.
        services.Get<MetadataDatabase>().Execute("UPDATE documents SET deleted_at=@t WHERE id=@id", ("@t", DateTimeOffset.UtcNow.AddDays(-31).ToString("O")), ("@id", old));

        var purged = await bin.PurgeExpiredAsync(CancellationToken.None);
        await services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Null(documents.GetIncludingDeleted(old));
        Assert.Empty(documents.GetPassages(old));
        Assert.False(File.Exists(original));
        Assert.Equal(recent, Assert.Single(bin.List()).Id);
        Assert.NotEmpty(documents.GetPassages(recent));
        Assert.Contains(services.Get<AuditLog>().Recent(), a => a.Action == "purge" && a.Target == old && a.User == RecycleBin.Sweeper);
        Assert.True(services.Get<IndexConsistency>().Check().Agrees);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Purge_OfADocumentRestoredMeanwhile_LeavesItAlone(string store)
    {
        using var services = new Services(Slow, _data, store: store);
        var id = await IngestAsync(services, Write("e.txt", "权责清单动态调整，核验码 zqbinecho。"), "e.txt", null);
        var bin = services.Get<RecycleBin>();
        await bin.MoveInAsync(id, "甲", CancellationToken.None);
        await bin.RestoreAsync(id, "甲", CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() => bin.PurgeAsync(id, "管理员", CancellationToken.None));
        // The purge's own guard: a row in use is never removed by a purge, whatever was read before.
        Assert.False(services.Get<DocumentRepository>().Delete(id, onlyFromBin: true));
        await services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(1, Search(services, "zqbinecho").Total);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task MoveIn_KilledBeforeTheCommit_OutOfTheIndexAfterRestart(string store)
    {
        using (var first = new Services(Slow, _data, store: store))
        {
            var id = await IngestAsync(first, Write("f.txt", "乡镇防汛应急预案，核验码 zqbinfoxtrot。"), "f.txt", null);
            Assert.Equal(1, Search(first, "zqbinfoxtrot").Total);
            // The process dies after the store took the delete (the bin's one statement) and before the index owner's next commit.
            Assert.True(first.Get<DocumentRepository>().MoveToBin(id, "甲", DateTimeOffset.UtcNow));
        }

        using var second = new Services(Slow, _data, store: store);
        await second.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Equal(0, Search(second, "zqbinfoxtrot").Total);
        Assert.Single(second.Get<RecycleBin>().List());
        Assert.True(second.Get<IndexConsistency>().Check().Agrees);
    }

    public void Dispose()
    {
        MetadataDatabase.ReleasePools();
        Stores.Drop(_data);
        _data.Dispose();
        _inputs.Dispose();
    }
}
