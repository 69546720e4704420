using System.Diagnostics;
using Search.Core.Ingestion;

namespace Search.Cli.Drills;

/// <summary>
/// Uploads many small files of mixed formats to the service in batches and kills it with SIGKILL at chosen
/// moments (the first right after a job reports completed, the rest at random while work is in flight). After
/// each restart it waits for the service to settle and checks every file accepted so far: found exactly once by
/// its code word, no job left unfinished, store and index in agreement.
/// </summary>
public sealed class CrashDrill(string work, int fileCount, int kills, int batchSize, int seed, TextWriter progress)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(10);

    public async Task<CrashDrillReport> RunAsync(IReadOnlyList<string> serviceArguments, CancellationToken cancellationToken)
    {
        var inputs = Path.Combine(work, "inputs");
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        var files = DrillFiles.Create(inputs, fileCount, seed);
        var batches = new Queue<List<DrillFile>>(files.Chunk(Math.Max(1, batchSize)).Select(c => c.ToList()));
        var killAfter = Enumerable.Range(1, kills).Select(k => (int)Math.Round((double)k * batches.Count / (kills + 1))).ToList();
        var random = new Random(seed);
        var accepted = new List<DrillFile>();
        var jobs = new List<string>();
        var rounds = new List<CrashDrillRound>();
        var clock = Stopwatch.StartNew();

        using var service = new ServiceProcess(data, Path.Combine(work, "service.log"), serviceArguments);
        await service.StartAsync(cancellationToken);
        var client = new DrillClient(service.Url);
        try
        {
            var uploaded = 0;
            while (batches.Count > 0)
            {
                var batch = batches.Peek();
                var jobId = await client.UploadAsync(batch, cancellationToken);
                if (jobId is null)
                {
                    // The service did not take the batch: send it again, as a user would after an error.
                    await Task.Delay(500, cancellationToken);
                    continue;
                }
                batches.Dequeue();
                accepted.AddRange(batch);
                jobs.Add(jobId);
                uploaded++;
                if (rounds.Count < kills && uploaded >= killAfter[rounds.Count])
                {
                    var moment = rounds.Count == 0
                        ? await KillWhenCompletedAsync(client, jobId, cancellationToken)
                        : await KillAtRandomAsync(random, cancellationToken);
                    var pid = service.Pid;
                    service.Kill();
                    progress.WriteLine($"kill -9 #{rounds.Count + 1} (pid {pid}) {moment}; {accepted.Count} files accepted so far");
                    var restart = Stopwatch.StartNew();
                    await service.StartAsync(cancellationToken);
                    client.Dispose();
                    client = new DrillClient(service.Url);
                    var round = await VerifyAsync(client, accepted, jobs, cancellationToken) with { Kill = rounds.Count + 1, Moment = moment, RestartSeconds = restart.Elapsed.TotalSeconds };
                    rounds.Add(round);
                    progress.WriteLine(round.ToString());
                }
            }
            var final = await VerifyAsync(client, accepted, jobs, cancellationToken) with { Kill = 0, Moment = "final" };
            progress.WriteLine(final.ToString());
            await service.StopAsync();
            return new CrashDrillReport(files.Count, final.Found, final.Lost, final.Duplicated, final.UnfinishedJobs, final.Agrees, rounds.Count, rounds, clock.Elapsed.TotalSeconds,
                Math.Round(files.Count / clock.Elapsed.TotalSeconds, 1));
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<string> KillWhenCompletedAsync(DrillClient client, string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await client.JobAsync(jobId, cancellationToken);
            if (job?.Status == JobStatus.Completed)
            {
                return $"right after job {jobId} reported completed";
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task<string> KillAtRandomAsync(Random random, CancellationToken cancellationToken)
    {
        var delay = random.Next(0, 1500);
        await Task.Delay(delay, cancellationToken);
        return $"{delay} ms after an upload, jobs in flight";
    }

    /// <summary>Waits until every job is done and the index has taken every change, then looks for every accepted file.</summary>
    private async Task<CrashDrillRound> VerifyAsync(DrillClient client, IReadOnlyList<DrillFile> accepted, IReadOnlyList<string> jobs, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var unfinished = jobs.ToList();
        while (unfinished.Count > 0 && deadline.Elapsed < SettleTimeout)
        {
            var still = new List<string>();
            foreach (var id in unfinished)
            {
                var job = await client.JobAsync(id, cancellationToken);
                if (job?.Status is not JobStatus.Completed)
                {
                    still.Add(id);
                }
            }
            unfinished = still;
            if (unfinished.Count > 0)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
        DrillClient.IndexStatusView status;
        do
        {
            status = await client.StatusAsync(cancellationToken);
            if (status.Projector.Reconciled && status.Consistency.Pending == 0)
            {
                break;
            }
            await Task.Delay(250, cancellationToken);
        }
        while (deadline.Elapsed < SettleTimeout);

        int found = 0, lost = 0, duplicated = 0;
        var lostFiles = new List<string>();
        foreach (var file in accepted)
        {
            var (total, names) = await client.FindAsync(file.Code, cancellationToken);
            if (total == 1 && names.Single() == file.DisplayName)
            {
                found++;
            }
            else if (total == 0)
            {
                lost++;
                lostFiles.Add(file.DisplayName);
            }
            else
            {
                duplicated++;
            }
        }
        return new CrashDrillRound(0, "", accepted.Count, found, lost, duplicated, unfinished.Count, status.Consistency.Agrees,
            status.Consistency.Missing.Count, status.Consistency.Extra.Count, status.Projector.Repaired, 0, lostFiles.Take(10).ToList());
    }
}

/// <summary>What one restart showed.</summary>
public sealed record CrashDrillRound(int Kill, string Moment, int Accepted, int Found, int Lost, int Duplicated, int UnfinishedJobs, bool Agrees,
    int Missing, int Extra, int RepairedAtStart, double RestartSeconds, IReadOnlyList<string> LostFiles)
{
    public override string ToString() =>
        $"{(Kill == 0 ? "final" : $"after kill #{Kill}")}: {Found}/{Accepted} found, {Lost} lost, {Duplicated} duplicated, {UnfinishedJobs} unfinished jobs, " +
        $"store and index {(Agrees ? "agree" : $"disagree ({Missing} missing, {Extra} extra)")}, {RepairedAtStart} repaired from stored passages at start" +
        (RestartSeconds > 0 ? $", restarted in {RestartSeconds:F1} s" : "");
}

/// <summary>The drill's outcome: <see cref="Found"/> of <see cref="Files"/> found exactly once after every kill.</summary>
public sealed record CrashDrillReport(int Files, int Found, int Lost, int Duplicated, int UnfinishedJobs, bool Agrees, int Kills,
    IReadOnlyList<CrashDrillRound> Rounds, double Seconds, double FilesPerSecond)
{
    public bool Passed => Found == Files && Lost == 0 && Duplicated == 0 && UnfinishedJobs == 0 && Agrees && Rounds.All(r => r.Lost == 0 && r.Duplicated == 0 && r.Agrees && r.UnfinishedJobs == 0);
}
