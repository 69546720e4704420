using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Ingestion;

/// <summary>The store's file queue: each file to one worker at a time, back to the queue when its worker dies, one document per content.</summary>
[Trait("Category", "Integration")]
public sealed class FileQueueTests : IDisposable
{
    private readonly TempFolder _inputs = new();

    private JobFile Write(string name, string text)
    {
        var path = Path.Combine(_inputs.Path, name);
        File.WriteAllText(path, text);
        return new JobFile(path, name, null);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task ClaimNext_ManyWorkersAtOnce_EachFileTakenExactlyOnce(string store)
    {
        using var services = new Services(store: store);
        var jobs = services.Get<JobRepository>();
        var job = jobs.Create(Enumerable.Range(0, 40).Select(i => Write($"{i}.txt", $"第{i}份")).ToList(), "test");

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(() =>
        {
            var mine = new List<int>();
            while (jobs.ClaimNext($"worker-{w}", TimeSpan.FromMinutes(1)) is { } file)
            {
                mine.Add(file.Seq);
            }
            return mine;
        })));

        var all = taken.SelectMany(t => t).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 40).ToList(), all);
        Assert.Equal(JobStatus.Running, jobs.Get(job.Id)!.Status);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Lease_WorkerDied_FileTakenAgainAfterItLapses_DeadWorkersOutcomeRefused(string store)
    {
        using var services = new Services(store: store);
        var jobs = services.Get<JobRepository>();
        jobs.Create([Write("a.txt", "内容")], "test");

        var dead = jobs.ClaimNext("dead", TimeSpan.FromMilliseconds(300))!;
        Assert.Null(jobs.ClaimNext("other", TimeSpan.FromMinutes(1)));
        await Task.Delay(400);
        var other = jobs.ClaimNext("other", TimeSpan.FromMinutes(1))!;

        Assert.Equal(2, other.Attempts);
        Assert.False(jobs.Finish(dead, new IngestOutcome("a.txt", IngestOutcomeKind.Failed, "迟到的结果")));
        Assert.True(jobs.Finish(other, new IngestOutcome("a.txt", IngestOutcomeKind.Ingested)));
        Assert.Equal(IngestOutcomeKind.Ingested, jobs.GetFiles(other.JobId)[0].Outcome.Outcome);
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void ReleaseDeadLocal_KilledProcessOfThisMachine_FilesBackAtOnce_LiveAndOtherMachinesKept(string store)
    {
        using var services = new Services(store: store);
        var jobs = services.Get<JobRepository>();
        jobs.Create([Write("a.txt", "一"), Write("b.txt", "二"), Write("c.txt", "三")], "test");
        // A real process that has exited: its pid names no running process any more.
        using var gone = System.Diagnostics.Process.Start("true")!;
        gone.WaitForExit();
        var machine = Environment.MachineName;
        jobs.ClaimNext($"{machine}:{gone.Id}:0", TimeSpan.FromHours(1));
        jobs.ClaimNext($"{machine}:{Environment.ProcessId}:0", TimeSpan.FromHours(1));
        jobs.ClaimNext($"other-host:{gone.Id}:0", TimeSpan.FromHours(1));
        Assert.Null(jobs.ClaimNext("late", TimeSpan.FromHours(1)));

        var released = jobs.ReleaseDeadLocal(machine, pid => pid == Environment.ProcessId || File.Exists($"/proc/{pid}/stat"));

        Assert.Equal(1, released);
        var again = jobs.ClaimNext("late", TimeSpan.FromHours(1));
        Assert.NotNull(again);
        Assert.Equal(0, again.Seq);
        Assert.Null(jobs.ClaimNext("late", TimeSpan.FromHours(1)));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void ContentClaims_ReleaseDeadLocal_KilledProcessesClaimsFreed_LiveOnesKept(string store)
    {
        using var services = new Services(store: store);
        var claims = services.Get<ContentClaims>();
        using var gone = System.Diagnostics.Process.Start("true")!;
        gone.WaitForExit();
        var machine = Environment.MachineName;
        Assert.True(claims.TryClaim("sha:dead", $"{machine}:{gone.Id}:a1", TimeSpan.FromHours(1)));
        Assert.True(claims.TryClaim("sha:live", ProcessHolder.Prefix + "b2", TimeSpan.FromHours(1)));
        Assert.False(claims.TryClaim("sha:dead", "other", TimeSpan.FromHours(1)));

        var released = claims.ReleaseDeadLocal(machine, ProcessHolder.IsRunning);

        Assert.Equal(1, released);
        Assert.True(claims.TryClaim("sha:dead", "other", TimeSpan.FromHours(1)));
        Assert.False(claims.TryClaim("sha:live", "other", TimeSpan.FromHours(1)));
    }

    [Theory]
    [MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Run_SameContentTwiceInParallel_OneDocumentOneDuplicate(string store)
    {
        using var services = new Services(new() { ["Search:Ingestion:Workers"] = "4" }, store: store);
        const string text = "区司法局行政复议案件台账，核验码 zqsametwice。";

        var job = await services.Get<IngestionService>().RunNowAsync(
            [Write("a.txt", text), Write("b.txt", text), Write("c.txt", "另一份 zqother。")], "test", null, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        var kinds = job.Files.Take(2).Select(f => f.Outcome).Order().ToList();
        Assert.Equal([IngestOutcomeKind.Ingested, IngestOutcomeKind.Duplicate], kinds);
        Assert.Equal(2, services.Get<DocumentRepository>().ListAll().Count);
        Assert.Equal(1, services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = "zqsametwice" }).Total);
    }

    public void Dispose() => _inputs.Dispose();
}
