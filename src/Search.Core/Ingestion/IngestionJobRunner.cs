using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Runs a job to its end in the process that owns the data directory: starts this process's workers and the
/// index projector, reports each outcome as it is recorded, and returns once the job is complete, that is once
/// its documents are in a commit of the index.
/// </summary>
public sealed class IngestionJobRunner(JobRepository jobs, IngestionWorkers workers, IndexProjector projector)
{
    public const int MaxAttempts = IngestionWorkers.MaxAttempts;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits for the job, reporting every outcome to <paramref name="progress"/> (an archive's entries too when a worker
    /// of this process took it). When <paramref name="cancelMeansAbandon"/> is set (a user pressed Ctrl-C), a cancelled
    /// job is marked cancelled; otherwise (the service is stopping) it stays unfinished and resumes at the next start.
    /// </summary>
    public async Task<IngestionJob> RunAsync(string jobId, IProgress<IngestOutcome>? progress, CancellationToken cancellationToken, bool cancelMeansAbandon = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reported = new HashSet<int>();
        void OnProcessed(ClaimedFile file, IReadOnlyList<IngestOutcome> outcomes)
        {
            if (file.JobId != jobId)
            {
                return;
            }
            lock (reported)
            {
                if (!reported.Add(file.Seq))
                {
                    return;
                }
            }
            foreach (var outcome in outcomes)
            {
                progress?.Report(outcome);
            }
        }
        workers.Processed += OnProcessed;
        try
        {
            projector.Start();
            workers.Start();
            workers.Wake();
            while (true)
            {
                var job = jobs.Get(jobId) ?? throw new Configuration.NotFoundException($"没有编号为 {jobId} 的入库任务。");
                // Files another process's workers finished are reported from the store.
                for (var seq = 0; seq < job.Files.Count; seq++)
                {
                    if (job.Files[seq].Outcome != IngestOutcomeKind.Pending)
                    {
                        OnProcessed(new ClaimedFile(jobId, seq, new JobFile("", job.Files[seq].File, null), 0, ""), [job.Files[seq]]);
                    }
                }
                if (job.Status is JobStatus.Completed or JobStatus.Cancelled)
                {
                    return job;
                }
                if (job.Processed == job.Total)
                {
                    // Every file has its outcome: the next commit completes the job.
                    await projector.FlushAsync(cancellationToken);
                    continue;
                }
                await Task.Delay(Poll, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancelMeansAbandon)
        {
            jobs.SetStatus(jobId, JobStatus.Cancelled);
            throw;
        }
        finally
        {
            workers.Processed -= OnProcessed;
        }
    }
}
