using Search.Core.Ingestion;

namespace Search.Cli.Commands;

/// <summary>`ingest PATH... [--department D]`: stores, extracts and indexes files and folders, one line per file.</summary>
public sealed class IngestCommand : ICliCommand
{
    public string Name => "ingest";

    public string Summary => "Ingest evidence files and folders (recursively) into the data directory.";

    public string Usage => "search ingest PATH... [--department D] [--json] [--no-progress] [--data DIR]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("name at least one file or folder to ingest.");
        }
        var department = args.Get("department");
        var files = new List<JobFile>();
        var missing = new List<string>();
        foreach (var input in args.Positional)
        {
            if (File.Exists(input))
            {
                files.Add(new JobFile(Path.GetFullPath(input), Path.GetFileName(input), department));
            }
            else if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                var rootName = new DirectoryInfo(root).Name;
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                    files.Add(new JobFile(file, $"{rootName}/{relative}", department));
                }
            }
            else
            {
                missing.Add(input);
            }
        }
        foreach (var m in missing)
        {
            await context.Error.WriteLineAsync($"failed  {m}: 文件或文件夹不存在");
        }

        var progress = new IngestProgressPrinter(context, files.Count, showBar: !args.Json && !args.Has("no-progress") && !Console.IsErrorRedirected);
        var job = files.Count > 0
            ? await context.Get<IngestionService>().RunNowAsync(files, Environment.UserName, progress, cancellationToken)
            : null;
        progress.Finish();

        var outcomes = job?.Files ?? [];
        var failed = outcomes.Count(o => !o.Succeeded) + missing.Count;
        if (args.Json)
        {
            context.WriteJson(new
            {
                jobId = job?.Id,
                total = outcomes.Count + missing.Count,
                succeeded = outcomes.Count(o => o.Succeeded),
                failed,
                files = progress.All.Concat(missing.Select(m => new IngestOutcome(m, IngestOutcomeKind.Failed, "文件或文件夹不存在"))),
            });
        }
        else
        {
            await context.Output.WriteLineAsync(
                $"{outcomes.Count + missing.Count} files: {outcomes.Count(o => o.Succeeded)} ingested or already present, {failed} failed" +
                (job is null ? "" : $" (job {job.Id})"));
        }
        return failed == 0 && (files.Count > 0) ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
