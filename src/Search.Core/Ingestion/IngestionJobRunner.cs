using Microsoft.Extensions.Logging;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>Runs the pending files of a job through the pipeline, recording each outcome as it happens.</summary>
public sealed class IngestionJobRunner(IngestionPipeline pipeline, JobRepository jobs, ILogger<IngestionJobRunner> logger)
{
    /// <summary>Processes the job; <paramref name="progress"/> hears every outcome (an archive reports its entries too).</summary>
    public async Task<IngestionJob> RunAsync(string jobId, IProgress<IngestOutcome>? progress, CancellationToken cancellationToken)
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
                var outcomes = await pipeline.IngestAsync(file.Path, file.DisplayName, file.Department, cancellationToken);
                foreach (var outcome in outcomes)
                {
                    progress?.Report(outcome);
                }
                jobs.RecordOutcome(jobId, seq, Summarise(file.DisplayName, outcomes));
            }
            jobs.SetStatus(jobId, JobStatus.Completed);
        }
        catch (OperationCanceledException)
        {
            jobs.SetStatus(jobId, JobStatus.Cancelled);
            throw;
        }
        return jobs.Get(jobId)!;
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
