using System.CommandLine;
using Search.Core.Ingestion;
using Search.Core.Storage;

namespace Search.Cli.Commands;

/// <summary>`worker`: takes files from the store's queue and ingests them for the service that owns the index, until stopped.</summary>
public sealed class WorkerCommand : ICliCommand
{
    public string Name => "worker";

    private static readonly Option<int> Workers = CliOptions.Number("--workers", "同时处理的文件数（默认每个处理器核心一个）", 0);

    public Command Definition { get; } = new("worker",
        "从存储的队列中领取文件并入库（提取、OCR、分段、匹配），供拥有索引的服务使用；可在本机或其他机器上运行。" +
        "存储和原件目录须与服务相同：--Search:Storage:Provider postgres --Search:Storage:ConnectionString \"Host=…\" --Search:Storage:OriginalsDirectory /mnt/evidence/originals")
    {
        Workers,
    };

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var workers = context.Get<IngestionWorkers>();
        var database = context.Get<MetadataDatabase>();
        var count = args.Value(Workers);
        var output = TextWriter.Synchronized(context.Output);
        workers.Taken += file => output.WriteLine($"taking  {file.JobId}/{file.Seq} {file.File.DisplayName}");
        workers.Processed += (file, outcomes) =>
        {
            var summary = IngestionWorkers.Summarise(file.File.DisplayName, outcomes);
            output.WriteLine($"{(summary.Succeeded ? "done   " : "failed ")} {file.JobId}/{file.Seq} {summary.File}{(summary.Reason is null ? "" : ": " + summary.Reason)}");
        };
        // Build every framework's matcher (and load the analyser's dictionaries) before taking the first file.
        var registry = context.Get<Search.Core.Matching.MatcherRegistry>();
        foreach (var framework in registry.FrameworkIds)
        {
            registry.For(framework);
        }
        workers.Start(count > 0 ? count : null);
        await context.Error.WriteLineAsync($"worker {Environment.MachineName}:{Environment.ProcessId}: {workers.Count} 个并行处理，存储 {database.Description}，原件目录 {context.Paths.Originals}；按 Ctrl+C 停止");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: files in hand go back to the queue.
        }
        await workers.DisposeAsync();
        await context.Error.WriteLineAsync("worker stopped");
        return ExitCodes.Success;
    }
}
