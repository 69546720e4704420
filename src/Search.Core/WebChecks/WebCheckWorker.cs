using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Search.Core.WebChecks;

/// <summary>Background loop that runs queued check runs one at a time.</summary>
public sealed class WebCheckWorker(WebCheckService service, ILogger<WebCheckWorker> logger) : BackgroundService
{
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
