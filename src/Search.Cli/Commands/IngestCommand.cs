using System.CommandLine;
using Search.Core.Ingestion;

namespace Search.Cli.Commands;

/// <summary>`ingest PATH... [--department D]`: stores, extracts and indexes files and folders, one line per file; through the service when one runs.</summary>
public sealed class IngestCommand : IServiceCommand
{
    /// <summary>Files sent to the service in one upload (one job), at most.</summary>
    private const int FilesPerUpload = 100;

    /// <summary>Bytes sent to the service in one upload, at most (a single larger file goes alone).</summary>
    private const long BytesPerUpload = 256L * 1024 * 1024;

    public string Name => "ingest";

    private static readonly Argument<string[]> Paths = new("PATH") { Description = "文件或文件夹（递归）", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string> Department = CliOptions.Text("--department", "这些文件所属的单位", "D");
    private static readonly Option<bool> NoProgress = CliOptions.Flag("--no-progress", "不显示进度条");

    public Command Definition { get; } = new("ingest", "把佐证文件和文件夹（递归）存入数据目录，逐个文件报告结果。") { Paths, Department, NoProgress };

    public bool Writes(CliArguments arguments) => true;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var (files, missing) = await CollectAsync(context);
        var progress = NewPrinter(context, files.Count);
        var job = files.Count > 0
            ? await context.Get<IngestionService>().RunNowAsync(files, Environment.UserName, progress, cancellationToken)
            : null;
        progress.Finish();
        return await SummariseAsync(context, progress, job?.Files ?? [], job is null ? [] : [job.Id], missing, files.Count);
    }

    /// <summary>
    /// Uploads the files to the running service in batches, one job each, and prints every outcome as the service
    /// records it. A job is complete only when the service has committed it, so the summary means what it says.
    /// </summary>
    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var (files, missing) = await CollectAsync(context);
        var progress = NewPrinter(context, files.Count);
        var outcomes = new List<IngestOutcome>();
        var jobIds = new List<string>();
        foreach (var batch in Batches(files))
        {
            using var form = new MultipartFormDataContent();
            foreach (var file in batch)
            {
                form.Add(ServiceClient.FilePart(file.Path), "file", file.DisplayName);
            }
            if (context.Arguments.Value(Department) is { } department)
            {
                form.Add(new StringContent(department), "department");
            }
            var job = await service.PostFormAsync<IngestionJob>("/api/documents", form, cancellationToken);
            jobIds.Add(job.Id);
            var reported = 0;
            while (true)
            {
                job = await service.GetAsync<IngestionJob>($"/api/jobs/{job.Id}", cancellationToken);
                foreach (var outcome in job.Files.Skip(reported).TakeWhile(o => o.Outcome != IngestOutcomeKind.Pending))
                {
                    progress.Report(outcome);
                    reported++;
                }
                if (job.Status is JobStatus.Completed or JobStatus.Cancelled)
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            }
            outcomes.AddRange(job.Files);
        }
        progress.Finish();
        return await SummariseAsync(context, progress, outcomes, jobIds, missing, files.Count);
    }

    private static async Task<(List<JobFile> Files, List<string> Missing)> CollectAsync(CliContext context)
    {
        var args = context.Arguments;
        var department = args.Value(Department);
        var files = new List<JobFile>();
        var missing = new List<string>();
        foreach (var input in args.Value(Paths) ?? [])
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
        return (files, missing);
    }

    private static IEnumerable<List<JobFile>> Batches(IReadOnlyList<JobFile> files)
    {
        var batch = new List<JobFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            var size = new FileInfo(file.Path).Length;
            if (batch.Count > 0 && (batch.Count >= FilesPerUpload || bytes + size > BytesPerUpload))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(file);
            bytes += size;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static IngestProgressPrinter NewPrinter(CliContext context, int total) =>
        new(context, total, showBar: !context.Arguments.Json && !context.Arguments.Value(NoProgress) && !Console.IsErrorRedirected);

    private static async Task<int> SummariseAsync(CliContext context, IngestProgressPrinter progress, IReadOnlyList<IngestOutcome> outcomes,
        IReadOnlyList<string> jobIds, IReadOnlyList<string> missing, int fileCount)
    {
        var failed = outcomes.Count(o => !o.Succeeded) + missing.Count;
        if (context.Arguments.Json)
        {
            context.WriteJson(new
            {
                jobId = jobIds.FirstOrDefault(),
                jobIds,
                total = outcomes.Count + missing.Count,
                succeeded = outcomes.Count(o => o.Succeeded),
                failed,
                files = progress.All.Concat(missing.Select(m => new IngestOutcome(m, IngestOutcomeKind.Failed, "文件或文件夹不存在"))),
            });
        }
        else
        {
            await context.Output.WriteLineAsync(
                $"共 {outcomes.Count + missing.Count} 个文件：{outcomes.Count(o => o.Succeeded)} 个已入库或已存在，{failed} 个失败" +
                (jobIds.Count == 0 ? "" : $"（任务 {string.Join("、", jobIds)}）"));
        }
        return failed == 0 && fileCount > 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
