using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;
using Search.Core.Ingestion;

namespace Search.Cli.Drills;

/// <summary>
/// One service that owns the index and ingests nothing itself, and `worker` processes that take the files from the
/// store's queue, each with a data directory of its own as on another machine, sharing the store and the originals.
/// Measures throughput with 1, 2 and 3 workers, then kills one worker with SIGKILL in the middle of a scan and checks
/// that every file is indexed exactly once.
/// </summary>
public sealed class WorkersDrill(string work, int fileCount, int scanCount, int maxWorkers, string? postgres, int seed, TextWriter progress)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(15);

    public async Task<WorkersDrillReport> RunAsync(IReadOnlyList<string> corpusArguments, CancellationToken cancellationToken)
    {
        var schema = "drill_" + Guid.NewGuid().ToString("N")[..10];
        var store = new List<string> { "--Search:Storage:OriginalsDirectory", Path.Combine(work, "originals") };
        if (postgres is not null)
        {
            store.AddRange(["--Search:Storage:Provider", "postgres", "--Search:Storage:ConnectionString", new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ConnectionString]);
        }
        var serviceData = Path.Combine(work, "service");
        var inputs = Path.Combine(work, "inputs");
        var files = DrillFiles.Create(inputs, fileCount, seed).ToList();
        var scans = await DrillFiles.ScansAsync(Path.Combine(inputs, "scans"), scanCount, seed, cancellationToken);
        progress.WriteLine($"{files.Count} files and {scans.Count} scans, store {(postgres is null ? "SQLite" : "PostgreSQL schema " + schema)}");

        using var service = new ServiceProcess(serviceData, Path.Combine(work, "service.log"), [.. corpusArguments, .. store, "--Search:Ingestion:Workers", "-1"]);
        await service.StartAsync(cancellationToken);
        using var client = new DrillClient(service.Url);
        var accepted = new List<DrillFile>();
        var phases = new List<WorkerPhase>();
        var workerNumber = 0;
        try
        {
            // Throughput: the same amount of work for 1, 2, …, maxWorkers workers; scans wait for the kill phase.
            var perPhase = files.Count / (maxWorkers + 1);
            var queue = new Queue<DrillFile>(files);
            for (var k = 1; k <= maxWorkers; k++)
            {
                var batch = Enumerable.Range(0, perPhase).Select(_ => queue.Dequeue()).ToList();
                var workers = Enumerable.Range(0, k).Select(_ => StartWorker(++workerNumber, serviceData, store, corpusArguments)).ToList();
                // Time the work, not the workers' start-up.
                await Task.WhenAll(workers.Select(w => w.Ready)).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
                var clock = Stopwatch.StartNew();
                await UploadAndWaitAsync(client, batch, accepted, cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                foreach (var w in workers)
                {
                    await w.StopAsync();
                    w.Dispose();
                }
                var phase = new WorkerPhase(k, batch.Count, Math.Round(seconds, 1), Math.Round(batch.Count / seconds, 1), Math.Round(batch.Count / seconds / k, 1));
                phases.Add(phase);
                progress.WriteLine($"{k} worker(s): {phase.Files} files in {phase.Seconds} s, {phase.FilesPerSecond} files/s, {phase.PerWorker} per worker");
            }

            // Kill: the rest with every scan, maxWorkers workers, one of them SIGKILLed while it reads a scan.
            var rest = queue.Concat(scans).OrderBy(_ => Random.Shared.Next()).ToList();
            var team = Enumerable.Range(0, maxWorkers).Select(_ => StartWorker(++workerNumber, serviceData, store, corpusArguments)).ToList();
            var victim = new TaskCompletionSource<(WorkerProcess Worker, string Line)>(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var w in team)
            {
                w.LineWritten += (worker, line) =>
                {
                    if (line.StartsWith("taking", StringComparison.Ordinal) && line.EndsWith("扫描件.pdf", StringComparison.Ordinal))
                    {
                        victim.TrySetResult((worker, line));
                    }
                };
            }
            var upload = UploadAndWaitAsync(client, rest, accepted, cancellationToken);
            var killed = "no worker was killed (no scan was taken)";
            if (await Task.WhenAny(victim.Task, upload) == victim.Task)
            {
                var (worker, line) = await victim.Task;
                await Task.Delay(300, cancellationToken);
                worker.Kill();
                killed = $"{worker.Name} (pid {worker.Pid}) killed with SIGKILL while {line[6..].Trim()}";
                progress.WriteLine(killed);
            }
            await upload;
            foreach (var w in team)
            {
                await w.StopAsync();
                w.Dispose();
            }
            var (found, lost, duplicated, agrees) = await VerifyAsync(client, accepted, cancellationToken);
            progress.WriteLine($"{found}/{accepted.Count} indexed exactly once, {lost} lost, {duplicated} duplicated, store and index {(agrees ? "agree" : "disagree")}");
            await service.StopAsync();
            return new WorkersDrillReport(accepted.Count, scans.Count, found, lost, duplicated, agrees, postgres is null ? "sqlite" : "postgres", killed, phases);
        }
        finally
        {
            if (postgres is not null)
            {
                DropSchema(postgres, schema);
            }
        }
    }

    private WorkerProcess StartWorker(int number, string serviceData, IReadOnlyList<string> store, IReadOnlyList<string> corpusArguments)
    {
        // On PostgreSQL a worker has a data directory of its own, as on another machine; on SQLite it shares the service's store file.
        var data = postgres is null ? serviceData : Path.Combine(work, $"worker-{number}");
        return new WorkerProcess($"worker-{number}", ["--data", data, "--workers", "1", .. store, .. corpusArguments], Path.Combine(work, "workers.log"));
    }

    private static async Task UploadAndWaitAsync(DrillClient client, IReadOnlyList<DrillFile> files, List<DrillFile> accepted, CancellationToken cancellationToken)
    {
        var jobs = new List<string>();
        foreach (var batch in files.Chunk(25))
        {
            var job = await client.UploadAsync(batch, cancellationToken) ?? throw new InvalidOperationException("the service refused an upload");
            jobs.Add(job);
            lock (accepted)
            {
                accepted.AddRange(batch);
            }
        }
        var deadline = Stopwatch.StartNew();
        foreach (var id in jobs)
        {
            while ((await client.JobAsync(id, cancellationToken))?.Status is not (JobStatus.Completed or JobStatus.Cancelled))
            {
                if (deadline.Elapsed > Settle)
                {
                    throw new TimeoutException($"job {id} did not complete within {Settle.TotalMinutes} minutes");
                }
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>Each accepted file must be one indexed document (text files also found by their code word), and store and index must agree.</summary>
    private static async Task<(int Found, int Lost, int Duplicated, bool Agrees)> VerifyAsync(DrillClient client, IReadOnlyList<DrillFile> accepted, CancellationToken cancellationToken)
    {
        var documents = (await client.Http.GetFromJsonAsync<List<DocumentView>>("/api/documents", ServiceClient.Json, cancellationToken))!
            .GroupBy(d => d.File).ToDictionary(g => g.Key, g => g.ToList());
        int found = 0, lost = 0, duplicated = 0;
        foreach (var file in accepted)
        {
            var records = documents.GetValueOrDefault(file.DisplayName) ?? [];
            var searchable = file.Format == "scan" ? 1 : (await client.FindAsync(file.Code, cancellationToken)).Total;
            if (records.Count > 1 || searchable > 1)
            {
                duplicated++;
            }
            else if (records.Count == 1 && records[0].Status == "indexed" && searchable == 1)
            {
                found++;
            }
            else
            {
                lost++;
            }
        }
        var status = await client.StatusAsync(cancellationToken);
        return (found, lost, duplicated, status.Consistency.Agrees);
    }

    private static void DropSchema(string connection, string schema)
    {
        try
        {
            using var open = new NpgsqlConnection(connection);
            open.Open();
            using var command = open.CreateCommand();
            command.CommandText = $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
        }
    }

    private sealed record DocumentView(string Id, string File, string Status);
}

/// <summary>Throughput with a number of workers: files per second in all and per worker.</summary>
public sealed record WorkerPhase(int Workers, int Files, double Seconds, double FilesPerSecond, double PerWorker);

/// <summary>The workers drill's outcome: every file indexed exactly once after a worker was killed.</summary>
public sealed record WorkersDrillReport(int Files, int Scans, int Found, int Lost, int Duplicated, bool Agrees, string Store, string Killed, IReadOnlyList<WorkerPhase> Phases)
{
    public bool Passed => Found == Files && Lost == 0 && Duplicated == 0 && Agrees;
}
