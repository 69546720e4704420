using Microsoft.Extensions.DependencyInjection;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Ingestion;

/// <summary>Jobs resume after any interruption, survive unexpected errors, and leave no staged copies behind.</summary>
[Trait("Category", "Integration")]
public sealed class IngestionJobRunnerTests : IDisposable
{
    private readonly TempFolder _inputs = new();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_inputs.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Services whose matcher throws an unexpected error for documents whose text holds the word, a set number of times.</summary>
    private static Services WithFailingMatcher(string word, int failures, string store) =>
        new(store: store, configure: s => s.AddSingleton<IDocumentMatcher>(sp => new FailingMatcher(ActivatorUtilities.CreateInstance<DocumentMatcher>(sp), word, failures)));

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Run_UnexpectedErrorOnce_FileTriedAgainAndIngested(string store)
    {
        using var services = WithFailingMatcher("偶发", failures: 1, store);

        var job = await services.Get<IngestionService>().RunNowAsync([new JobFile(Write("a.txt", "偶发故障的文件\n\n权责清单动态调整。"), "a.txt", null)], "test", null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(IngestOutcomeKind.Ingested, job.Files[0].Outcome);
        Assert.Equal(2, Attempts(services, job.Id));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Run_UnexpectedErrorEveryTime_FileFailsWithReason_OthersIngested_JobCompleted(string store)
    {
        using var services = WithFailingMatcher("坏", failures: int.MaxValue, store);

        var job = await services.Get<IngestionService>().RunNowAsync(
            [new JobFile(Write("bad.txt", "坏文件\n\n内容。"), "bad.txt", null), new JobFile(Write("good.txt", "好文件\n\n行政复议决定书公开。"), "good.txt", null)],
            "test", null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(IngestOutcomeKind.Failed, job.Files[0].Outcome);
        Assert.Contains("已试 3 次", job.Files[0].Reason);
        Assert.Equal(IngestOutcomeKind.Ingested, job.Files[1].Outcome);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Resume_InterruptedJob_DoneFilesKept_RestProcessed(string store)
    {
        using var services = new Services(store: store);
        var jobs = services.Get<JobRepository>();
        var job = jobs.Create([new JobFile(Write("1.txt", "第一份 zqresumeone。"), "1.txt", null), new JobFile(Write("2.txt", "第二份 zqresumetwo。"), "2.txt", null)], "test");
        // The service died after the first file: its outcome is recorded, the job is still running.
        jobs.RecordOutcome(job.Id, 0, new IngestOutcome("1.txt", IngestOutcomeKind.Failed, "上次已处理"));
        jobs.SetStatus(job.Id, JobStatus.Running);
        Assert.Contains(job.Id, jobs.Unfinished());

        var resumed = await services.Get<IngestionJobRunner>().RunAsync(job.Id, null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, resumed.Status);
        Assert.Equal("上次已处理", resumed.Files[0].Reason);
        Assert.Equal(IngestOutcomeKind.Ingested, resumed.Files[1].Outcome);
        Assert.Empty(jobs.Unfinished());
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Resume_FileThatBroughtTheProcessDownThreeTimes_GivenUp(string store)
    {
        using var services = new Services(store: store);
        var jobs = services.Get<JobRepository>();
        var job = jobs.Create([new JobFile(Write("crash.txt", "总让进程崩溃的文件。"), "crash.txt", null)], "test");
        // Three workers took it and died with it: their leases lapsed at once.
        for (var i = 0; i < IngestionJobRunner.MaxAttempts; i++)
        {
            Assert.NotNull(jobs.ClaimNext($"dead-worker-{i}", TimeSpan.Zero));
            Thread.Sleep(5);
        }

        var resumed = await services.Get<IngestionJobRunner>().RunAsync(job.Id, null, CancellationToken.None);

        Assert.Equal(IngestOutcomeKind.Failed, resumed.Files[0].Outcome);
        Assert.Contains("已中断 3 次", resumed.Files[0].Reason);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Stop_ServiceStopping_JobStaysUnfinished_UserCancel_JobCancelled(string store)
    {
        using var services = new Services(store: store);
        var jobs = services.Get<JobRepository>();
        var file = new JobFile(Write("x.txt", "内容。"), "x.txt", null);
        var stopping = jobs.Create([file], "test");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Get<IngestionJobRunner>().RunAsync(stopping.Id, null, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Get<IngestionService>().RunNowAsync([file], "test", null, cancelled.Token));

        Assert.Contains(stopping.Id, jobs.Unfinished());
        Assert.Single(jobs.Unfinished());
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Upload_StoredOnceStraightIntoTheOriginals_DocumentFound(string store)
    {
        using var services = new Services(store: store);
        await using var content = new MemoryStream("区政务服务中心推行一件事一次办 zqstaged。"u8.ToArray());
        var job = await services.Get<IngestionService>().SubmitUploadsAsync([("staged.txt", content)], null, "test", CancellationToken.None);
        var paths = services.Get<DataPaths>();
        // The upload went straight into the originals store: no second copy waits anywhere.
        Assert.Empty(Directory.EnumerateFileSystemEntries(paths.Uploads));
        Assert.Single(Directory.EnumerateFiles(paths.Originals, "*.txt", SearchOption.AllDirectories));

        var done = await services.Get<IngestionJobRunner>().RunAsync(job.Id, null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Single(Directory.EnumerateFiles(paths.Originals, "*", SearchOption.AllDirectories));
        Assert.Equal(1, services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = "zqstaged" }).Total);
    }

    private static int Attempts(Services services, string jobId)
    {
        using var connection = services.Get<MetadataDatabase>().Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT attempts FROM job_files WHERE job_id=@id AND seq=0", ("@id", jobId));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public void Dispose() => _inputs.Dispose();

    /// <summary>Stands for an unexpected fault (a full disk, a bug) in the step after extraction.</summary>
    private sealed class FailingMatcher(IDocumentMatcher inner, string word, int failures) : IDocumentMatcher
    {
        private int _failed;

        public IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages)
        {
            if (passages.Any(p => p.Text.Contains(word, StringComparison.Ordinal)) && Interlocked.Increment(ref _failed) <= failures)
            {
                throw new InvalidOperationException("模拟的意外错误");
            }
            return inner.MatchDocument(document, passages);
        }
    }
}
