using Microsoft.Extensions.Logging;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Runs the pending files of a job through the pipeline, recording each outcome as it happens. A job is
/// completed only once the index owner has committed its documents; an interrupted job resumes where it stopped.
/// </summary>
public sealed class IngestionJobRunner(IngestionPipeline pipeline, JobRepository jobs, IndexProjector projector, DataPaths paths, ILogger<IngestionJobRunner> logger)
{
    /// <summary>Tries of one file before it is given up: a file that keeps failing unexpectedly, or keeps bringing the process down.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Processes the job; <paramref name="progress"/> hears every outcome (an archive reports its entries too).
    /// When <paramref name="cancelMeansAbandon"/> is set (a user pressed Ctrl-C), a cancelled job is marked cancelled;
    /// otherwise (the service is stopping) it stays unfinished and resumes at the next start.
    /// </summary>
    public async Task<IngestionJob> RunAsync(string jobId, IProgress<IngestOutcome>? progress, CancellationToken cancellationToken, bool cancelMeansAbandon = false)
    {
        var files = jobs.GetFiles(jobId);
        jobs.SetStatus(jobId, JobStatus.Running);
        logger.LogInformation("Job {Job}: {Count} files", jobId, files.Count);
        try
        {
            for (var seq = 0; seq < files.Count; seq++)
            {
                var (file, previous) = files[seq];
                if (previous.Outcome != IngestOutcomeKind.Pending)
                {
                    continue;
                }
                cancellationToken.ThrowIfCancellationRequested();
                var outcomes = await IngestWithRetriesAsync(jobId, seq, file, cancellationToken);
                foreach (var outcome in outcomes)
                {
                    progress?.Report(outcome);
                }
                jobs.RecordOutcome(jobId, seq, Summarise(file.DisplayName, outcomes));
                RemoveStaged(file.Path);
            }
            // The job is complete when its documents are in a commit: a crash after this loses none of them.
            await projector.FlushAsync(cancellationToken);
            jobs.SetStatus(jobId, JobStatus.Completed);
        }
        catch (OperationCanceledException) when (cancelMeansAbandon)
        {
            jobs.SetStatus(jobId, JobStatus.Cancelled);
            throw;
        }
        return jobs.Get(jobId)!;
    }

    private async Task<IReadOnlyList<IngestOutcome>> IngestWithRetriesAsync(string jobId, int seq, JobFile file, CancellationToken cancellationToken)
    {
        while (true)
        {
            var attempt = jobs.StartAttempt(jobId, seq);
            if (attempt > MaxAttempts)
            {
                logger.LogError("Job {Job}: giving up {File} after {Attempts} interrupted attempts", jobId, file.DisplayName, attempt - 1);
                return [new IngestOutcome(file.DisplayName, IngestOutcomeKind.Failed, $"处理该文件时已中断 {attempt - 1} 次，已跳过；请检查文件后重新上传")];
            }
            try
            {
                return await pipeline.IngestAsync(file.Path, file.DisplayName, file.Department, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Expected per-file problems are outcomes already; this is something else (a full disk, a locked
                // database, a bug). Try again after a pause; after the last try the file fails with the reason.
                logger.LogError(e, "Job {Job}: unexpected error on {File} (attempt {Attempt} of {Max})", jobId, file.DisplayName, attempt, MaxAttempts);
                if (attempt >= MaxAttempts)
                {
                    return [new IngestOutcome(file.DisplayName, IngestOutcomeKind.Failed, $"处理时出错（已试 {attempt} 次）：{e.Message}")];
                }
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken);
            }
        }
    }

    /// <summary>An upload staged under the data directory is kept only until its file is stored and processed.</summary>
    private void RemoveStaged(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(paths.Uploads + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }
        try
        {
            File.Delete(full);
            var folder = Path.GetDirectoryName(full)!;
            if (folder != paths.Uploads && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove the staged upload {Path}", full);
        }
    }

    /// <summary>One outcome per submitted file: an archive fails when any of its entries failed.</summary>
    private static IngestOutcome Summarise(string file, IReadOnlyList<IngestOutcome> outcomes)
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
}
