using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Search.Core.Ingestion;

/// <summary>Sweeps the recycle bin at start and then every <see cref="RecycleBinOptions.PurgeIntervalMinutes"/>.</summary>
public sealed class RecycleBinPurger(RecycleBin bin, IOptions<RecycleBinOptions> options, ILogger<RecycleBinPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes));
        do
        {
            try
            {
                await bin.PurgeExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store that is briefly unavailable must not end the service; the next sweep tries again.
                logger.LogWarning(e, "Recycle bin sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
