using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Search.Core.WebChecks;

/// <summary>Background loop that runs queued check runs one at a time; runs a stopped service left unfinished are ended with a reason.</summary>
public sealed class WebCheckWorker(WebCheckService service, WebCheckRepository repository, ILogger<WebCheckWorker> logger) : BackgroundService
{
    /// <summary>Ends the last run's leftovers while the host starts, before any request can queue a new run.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (repository.FailUnfinished("服务重启时该检查尚未完成，已中止；请重新发起检查。") is > 0 and var stopped)
        {
            logger.LogWarning("{Count} web check runs left unfinished by the last run were marked failed", stopped);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await foreach (var (runId, plan) in service.QueuedAsync(stoppingToken))
        {
            try
            {
                var report = await service.ExecuteAsync(runId, plan, null, stoppingToken);
                logger.LogInformation("Web check run {Run} finished: {Count} addresses", runId, report.Checks.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A run must never take the worker down; the run records its error.
                logger.LogError(e, "Web check run {Run} stopped by an unexpected error", runId);
            }
        }
    }
}
