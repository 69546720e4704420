using System.Text;
using Search.Core.Coverage;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Ingestion;

[Trait("Category", "Integration")]
public sealed class IngestionPipelineTests : IDisposable
{
    private Services _services = null!;
    private readonly TempFolder _inputs = new();

    private IngestionPipeline Pipeline => _services.Get<IngestionPipeline>();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_inputs.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Ingests through the pipeline, then waits for the index owner's commit, as a job does at its end.</summary>
    private async Task<IReadOnlyList<IngestOutcome>> IngestAsync(string path, string displayName, string? department)
    {
        var outcomes = await Pipeline.IngestAsync(path, displayName, department, CancellationToken.None);
        await _services.Get<IndexProjector>().FlushAsync(CancellationToken.None);
        return outcomes;
    }

    private SearchResults Search(string q, string? framework = null) => _services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = q, Framework = framework });

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_Text_IsSearchableWithMetadataAndIndicators(string store)
    {
        _services = new Services(store: store);
        var path = Write("12-公平竞争审查/审查台账.txt", "关于开展2023年公平竞争审查工作的通知\n\n卫沙政办发〔2023〕21号\n\n区市场监管分局对涉及市场主体经济活动的政策措施开展公平竞争审查，建立审查台账。\n\n沙坡头区人民政府办公室\n\n2023年3月6日");

        var outcomes = await IngestAsync(path, "12-公平竞争审查/审查台账.txt", "区市场监管分局");

        var outcome = Assert.Single(outcomes);
        Assert.Equal(IngestOutcomeKind.Ingested, outcome.Outcome);
        var hit = Assert.Single(Search("公平竞争审查", "shapotou-2023").Hits);
        Assert.Equal("卫沙政办发〔2023〕21号", hit.DocNumber);
        Assert.Equal(new DateOnly(2023, 3, 6), hit.Date);
        Assert.Equal("区市场监管分局", hit.Department);
        Assert.Contains(hit.Indicators, i => i.Number == 12);
        var record = _services.Get<DocumentRepository>().Get(outcome.DocumentId!)!;
        Assert.Equal([12], record.IndicatorHints);
        Assert.True(File.Exists(record.StoredPath));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_SameContentTwice_ReportsDuplicateWithoutSecondCopy(string store)
    {
        _services = new Services(store: store);
        var a = Write("a.txt", "行政复议决定书网上公开情况说明。");
        var b = Write("copy/b.txt", "行政复议决定书网上公开情况说明。");

        await IngestAsync(a, "a.txt", null);
        var second = Assert.Single(await IngestAsync(b, "copy/b.txt", null));

        Assert.Equal(IngestOutcomeKind.Duplicate, second.Outcome);
        Assert.Single(_services.Get<DocumentRepository>().ListAll());
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_ChangedFileSameName_ReplacesPreviousVersion(string store)
    {
        _services = new Services(store: store);
        var path = Write("report.txt", "2022年法治政府建设年度报告初稿。");
        await IngestAsync(path, "report.txt", "区司法局");
        File.WriteAllText(path, "2022年法治政府建设年度报告定稿，已于3月1日前报送。");

        var outcome = Assert.Single(await IngestAsync(path, "report.txt", "区司法局"));

        Assert.Equal(IngestOutcomeKind.Replaced, outcome.Outcome);
        Assert.Empty(Search("初稿").Hits);
        Assert.Single(Search("定稿").Hits);
        var documents = _services.Get<DocumentRepository>();
        Assert.Single(documents.ListAll());
        // The earlier version waits in the recycle bin, restorable, named as replaced by a newer one.
        var previous = Assert.Single(documents.ListDeleted());
        Assert.Equal(IngestionPipeline.ReplacedByNewerVersion, previous.DeletedBy);
        Assert.Contains("初稿", string.Concat(documents.GetPassages(previous.Id).Select(p => p.Text)));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_ClassifiedMark_QuarantinedNotIndexed(string store)
    {
        _services = new Services(store: store);
        var path = Write("secret.txt", "秘密★1年\n\n关于某专项工作的内部通报。");

        var outcome = Assert.Single(await IngestAsync(path, "secret.txt", null));

        Assert.Equal(IngestOutcomeKind.Quarantined, outcome.Outcome);
        Assert.Contains("密级", outcome.Reason);
        Assert.Empty(Search("内部通报").Hits);
        var record = Assert.Single(_services.Get<DocumentRepository>().ListByStatus(DocumentStatus.Quarantined));
        // Kept only where the quarantine says: not among the originals, no text in the store.
        var quarantine = _services.Get<DataPaths>().Quarantine;
        Assert.StartsWith(quarantine, record.StoredPath);
        Assert.True(File.Exists(record.StoredPath));
        Assert.Contains(record.StoredPath, outcome.Reason);
        Assert.Empty(Directory.EnumerateFiles(_services.Get<DataPaths>().Originals, "*", SearchOption.AllDirectories));
        Assert.Empty(_services.Get<DocumentRepository>().GetPassages(record.Id));

        await Pipeline.DeleteAsync(record.Id, CancellationToken.None);
        Assert.False(File.Exists(record.StoredPath));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_Zip_EachEntryOwnDocument_EscapesRefused_FoldersKept(string store)
    {
        _services = new Services(store: store);
        var zip = Path.Combine(_inputs.Path, "材料.zip");
        TestFiles.Zip(zip,
            ("35-行政复议/区司法局/复议台账.txt", Encoding.UTF8.GetBytes("2023年行政复议案件台账，共办理复议案件12件。")),
            ("../escape.txt", Encoding.UTF8.GetBytes("越界")),
            ("empty.txt", []));

        var outcomes = await IngestAsync(zip, "材料.zip", null);

        Assert.Contains(outcomes, o => o.Outcome == IngestOutcomeKind.Expanded);
        Assert.Contains(outcomes, o => o.File == "材料.zip/../escape.txt" && o.Outcome == IngestOutcomeKind.Failed && o.Reason!.Contains("越界"));
        Assert.Contains(outcomes, o => o.File == "材料.zip/empty.txt" && o.Reason == "文件为空");
        Assert.Contains(outcomes, o => o.Outcome == IngestOutcomeKind.Ingested && o.File.EndsWith("复议台账.txt"));
        var hit = Assert.Single(Search("复议台账").Hits);
        Assert.Equal("材料.zip/35-行政复议/区司法局/复议台账.txt", hit.FileName);
        Assert.Equal("区司法局", hit.Department);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Ingest_ZipBomb_RefusedWithReason(string store)
    {
        _services = new Services(store: store);
        var zip = Path.Combine(_inputs.Path, "bomb.zip");
        TestFiles.Zip(zip, ("zeros.txt", new byte[50 * 1024 * 1024]));

        var outcome = Assert.Single(await IngestAsync(zip, "bomb.zip", null));

        Assert.Equal(IngestOutcomeKind.Failed, outcome.Outcome);
        Assert.Contains("压缩炸弹", outcome.Reason);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task RunJob_BadFilesNamed_GoodFilesIngested(string store)
    {
        _services = new Services(store: store);
        var good = Write("good.txt", "区政务服务中心推行一件事一次办。");
        var empty = Write("empty.txt", "");
        var fake = Path.Combine(_inputs.Path, "fake.pdf");
        File.WriteAllBytes(fake, [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x31]);

        var job = await _services.Get<IngestionService>().RunNowAsync(
            [new JobFile(empty, "empty.txt", null), new JobFile(fake, "fake.pdf", null), new JobFile(good, "good.txt", null)], "test", null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(2, job.Failed);
        Assert.Equal(IngestOutcomeKind.Ingested, job.Files[2].Outcome);
        Assert.All(job.Files.Take(2), f => Assert.False(string.IsNullOrEmpty(f.Reason)));
        Assert.Single(Search("一件事一次办").Hits);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Delete_RemovesDocumentPassagesAndIndexEntries(string store)
    {
        _services = new Services(store: store);
        var path = Write("x.txt", "府院联动联席会议纪要。");
        var outcome = Assert.Single(await IngestAsync(path, "x.txt", null));

        var stored = _services.Get<DocumentRepository>().Get(outcome.DocumentId!)!.StoredPath;

        await Pipeline.DeleteAsync(outcome.DocumentId!, CancellationToken.None);
        await _services.Get<IndexProjector>().FlushAsync(CancellationToken.None);

        Assert.Empty(Search("府院联动").Hits);
        Assert.Null(_services.Get<DocumentRepository>().Get(outcome.DocumentId!));
        Assert.Empty(_services.Get<DocumentRepository>().GetPassages(outcome.DocumentId!));
        Assert.False(File.Exists(stored));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Decisions_OverrideMatches_SurviveReingestion_AndShowInCoverage(string store)
    {
        _services = new Services(store: store);
        var path = Write("fy.txt", "区人民政府行政复议决定书公开网址及截图。区司法局推进行政复议体制改革。");
        var id = Assert.Single(await IngestAsync(path, "fy.txt", "区司法局")).DocumentId!;
        var mappings = _services.Get<MappingService>();
        var auto = mappings.MappingsOf(id).Where(m => m.Framework == "shapotou-2023").ToList();
        Assert.NotEmpty(auto);
        var wrong = auto[0].Number;

        await mappings.DecideAsync(id, "shapotou-2023", wrong, DecisionKind.Reject, "审核员甲", "不相关", CancellationToken.None);
        await mappings.DecideAsync(id, "shapotou-2023", 1, DecisionKind.Add, "审核员甲", null, CancellationToken.None);
        await Pipeline.DeleteAsync(id, CancellationToken.None);
        await IngestAsync(path, "fy.txt", "区司法局");

        var hit = Search("行政复议决定书", "shapotou-2023").Hits.Single();
        Assert.DoesNotContain(hit.Indicators, i => i.Number == wrong);
        Assert.Contains(hit.Indicators, i => i.Number == 1 && i.Score == 1.0);
        var coverage = _services.Get<CoverageService>().Build("shapotou-2023");
        Assert.Contains(coverage.Indicators.Single(i => i.Number == 1).Evidence, e => e.DocumentId == id && e.Source == "added");
        Assert.DoesNotContain(coverage.Indicators.Single(i => i.Number == wrong).Evidence, e => e.DocumentId == id);
        Assert.Contains(_services.Get<AuditLog>().Recent(), a => a.User == "审核员甲" && a.Action == "mapping-reject");
    }

    public void Dispose()
    {
        _services?.Dispose();
        _inputs.Dispose();
    }
}
