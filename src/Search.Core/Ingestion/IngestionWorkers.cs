using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Workers that take files from the store's queue, each under a lease they renew while they work, run them
/// through the pipeline and record the outcome. Any number of them run in the service, in `worker` processes
/// or on other machines; a file whose worker died goes back to the queue when its lease lapses.
/// </summary>
public sealed class IngestionWorkers(JobRepository jobs, ContentClaims claims, IngestionPipeline pipeline, Coverage.ItemDecisionService items,
    IOptions<IngestionOptions> options, ILogger<IngestionWorkers> logger) : IAsyncDisposable, IDisposable
{
    /// <summary>How long a taken file stays with its worker without a renewal.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    /// <summary>Tries of one file before it is given up: a file that keeps failing unexpectedly, or keeps bringing its process down.</summary>
    public const int MaxAttempts = 3;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly string _prefix = ProcessHolder.Prefix;

    /// <summary>A worker of this process took a file (drills wait for this to kill a worker in the middle of one).</summary>
    public event Action<ClaimedFile>? Taken;

    /// <summary>Every file a worker of this process finished, with all its outcomes (an archive's entries too).</summary>
    public event Action<ClaimedFile, IReadOnlyList<IngestOutcome>>? Processed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _loops.Count;
            }
        }
    }

    /// <summary>Starts the workers (Search:Ingestion:Workers, or one per core unless <paramref name="count"/> says); idempotent.</summary>
    public void Start(int? count = null)
    {
        lock (_gate)
        {
            if (_loops.Count > 0 || _stop.IsCancellationRequested)
            {
                return;
            }
            var n = count ?? options.Value.ResolvedWorkers;
            ReleaseFilesOfDeadProcesses();
            if (n == 0)
            {
                logger.LogInformation("No ingestion workers in this process: `worker` processes take the files");
                return;
            }
            for (var i = 0; i < n; i++)
            {
                var id = $"{_prefix}{i}";
                _loops.Add(Task.Run(() => LoopAsync(id, _stop.Token)));
            }
            logger.LogInformation("{Count} ingestion workers started", n);
        }
    }

    /// <summary>
    /// Files taken by a process of this machine that was killed go back to the queue now, not when their leases lapse,
    /// so a restart after kill -9 carries on at once.
    /// </summary>
    private void ReleaseFilesOfDeadProcesses()
    {
        try
        {
            var files = jobs.ReleaseDeadLocal(Environment.MachineName, ProcessHolder.IsRunning);
            var contents = claims.ReleaseDeadLocal(Environment.MachineName, ProcessHolder.IsRunning);
            if (files + contents > 0)
            {
                logger.LogInformation("{Files} files and {Claims} content claims held by stopped processes of this machine were given back", files, contents);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not give back what stopped processes held; their leases and claims lapse on their own");
        }
    }

    /// <summary>New files wait: wake the idle workers now rather than at their next look.</summary>
    public void Wake()
    {
        var idle = Count;
        if (idle > 0)
        {
            _wake.Release(idle);
        }
    }

    private async Task LoopAsync(string worker, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            ClaimedFile? file;
            try
            {
                using (IngestionStages.Time("queue"))
                {
                    file = jobs.ClaimNext(worker, Lease);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Worker {Worker} could not read the queue", worker);
                file = null;
            }
            try
            {
                if (file is null)
                {
                    await _wake.WaitAsync(Idle, stop);
                    continue;
                }
                await ProcessAsync(file, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task ProcessAsync(ClaimedFile file, CancellationToken stop)
    {
        var name = file.File.DisplayName;
        if (file.Attempts > MaxAttempts)
        {
            logger.LogError("Job {Job}: giving up {File} after {Attempts} interrupted attempts", file.JobId, name, file.Attempts - 1);
            Finish(file, [new IngestOutcome(name, IngestOutcomeKind.Failed, $"处理该文件时已中断 {file.Attempts - 1} 次，已跳过；请检查文件后重新上传")]);
            return;
        }
        await using var renewal = new Timer(_ => Renew(file), null, Lease / 3, Lease / 3);
        Taken?.Invoke(file);
        try
        {
            Finish(file, await pipeline.IngestAsync(file.File.Path, name, file.File.Department, stop));
        }
        catch (ContentBusyException)
        {
            // Another worker has this content or another version of the file: take it again shortly, with no try counted.
            jobs.Release(file, DateTimeOffset.UtcNow.AddSeconds(1), countAttempt: false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: give the file back at once, so another worker (or the next start) takes it.
            jobs.Release(file, DateTimeOffset.UtcNow, countAttempt: false);
            throw;
        }
        catch (Exception e)
        {
            // Expected per-file problems are outcomes already; this is something else (a full disk, a lost
            // database, a bug). Try again after a pause; after the last try the file fails with the reason.
            logger.LogError(e, "Job {Job}: unexpected error on {File} (attempt {Attempt} of {Max})", file.JobId, name, file.Attempts, MaxAttempts);
            if (file.Attempts >= MaxAttempts)
            {
                Finish(file, [new IngestOutcome(name, IngestOutcomeKind.Failed, $"处理时出错（已试 {file.Attempts} 次）：{e.Message}")]);
            }
            else
            {
                jobs.Release(file, DateTimeOffset.UtcNow.AddSeconds(2 * file.Attempts));
            }
        }
    }

    private void Finish(ClaimedFile file, IReadOnlyList<IngestOutcome> outcomes)
    {
        using var timing = IngestionStages.Time("queue");
        FileForItem(file, outcomes);
        if (jobs.Finish(file, Summarise(file.File.DisplayName, outcomes)))
        {
            Processed?.Invoke(file, outcomes);
        }
        else
        {
            logger.LogWarning("Job {Job}: {File} was taken over by another worker; its outcome counts", file.JobId, file.File.DisplayName);
        }
    }

    /// <summary>
    /// A job uploaded for a material item files what it stored (new, replaced or already there) as that item, before the
    /// outcome is recorded: a process killed in between does it again when the file is taken again.
    /// </summary>
    private void FileForItem(ClaimedFile file, IReadOnlyList<IngestOutcome> outcomes)
    {
        var stored = outcomes.Where(o => o.DocumentId is not null && o.Outcome is IngestOutcomeKind.Ingested or IngestOutcomeKind.Replaced or IngestOutcomeKind.Duplicate)
            .Select(o => o.DocumentId!).ToList();
        if (stored.Count == 0 || jobs.ItemTargetOf(file.JobId) is not ({ } target, var submittedBy))
        {
            return;
        }
        var filed = items.Provide(target, stored, submittedBy);
        logger.LogInformation("Job {Job}: {Count} documents of {File} filed as {Framework} #{Number} item {Item}", file.JobId, filed, file.File.DisplayName, target.Framework, target.Number, target.Item);
    }

    private void Renew(ClaimedFile file)
    {
        try
        {
            if (!jobs.Renew(file, Lease))
            {
                logger.LogWarning("Job {Job}: lost the lease on {File}", file.JobId, file.File.DisplayName);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {Job}: could not renew the lease on {File}", file.JobId, file.File.DisplayName);
        }
    }

    /// <summary>One outcome per submitted file: an archive fails when any of its entries failed.</summary>
    public static IngestOutcome Summarise(string file, IReadOnlyList<IngestOutcome> outcomes)
    {
        if (outcomes.Count == 1)
        {
            return outcomes[0];
        }
        var failed = outcomes.Where(o => o.Outcome == IngestOutcomeKind.Failed).ToList();
        var head = outcomes[0];
        if (failed.Count == 0)
        {
            return head with { Passages = outcomes.Sum(o => o.Passages) };
        }
        var reasons = string.Join("；", failed.Select(f => $"{f.File}：{f.Reason}"));
        return new IngestOutcome(file, IngestOutcomeKind.Failed, $"{failed.Count} 个文件未能入库：{reasons}", head.DocumentId);
    }

    public async ValueTask DisposeAsync()
    {
        Task[] loops;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }
            _stop.Cancel();
            loops = [.. _loops];
        }
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
