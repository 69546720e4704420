using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Starts the service's ingestion workers. Unfinished jobs need no resuming of their own: their waiting files are
/// in the store's queue, and a file a dead process held comes back when its lease lapses.
/// </summary>
public sealed class IngestionWorker(IngestionWorkers workers, DataPaths paths, ILogger<IngestionWorker> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RemoveUnfinishedUploads();
        workers.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => workers.DisposeAsync().AsTask();

    /// <summary>Uploads are written to uploads/ only while they arrive; what is left there was cut off by a crash.</summary>
    private void RemoveUnfinishedUploads()
    {
        if (!Directory.Exists(paths.Uploads))
        {
            return;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(paths.Uploads))
        {
            logger.LogInformation("Removing {Entry}, an upload cut off by the last stop", entry);
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }
}
