using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Search.Core.Ingestion;

namespace Search.Cli.Drills;

/// <summary>
/// Many clients at once against one service for a bounded time: uploads, searches, coverage, document views and
/// reviewer decisions, as a busy county office would make them. Counts server errors and, at the end, checks that
/// every uploaded file is found exactly once.
/// </summary>
public sealed class LoadDrill(string work, int clients, TimeSpan duration, int preload, int seed, TextWriter progress)
{
    private static readonly string[] Queries =
    [
        "行政复议", "公平竞争审查", "权责清单 year:2023", "\"应急预案\"", "案卷评查 -复议", "一件事一次办", "区司法局 行政执法", "政务服务 OR 权责清单",
    ];

    public async Task<LoadDrillReport> RunAsync(IReadOnlyList<string> serviceArguments, CancellationToken cancellationToken)
    {
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        // Enough files for the preload and for every upload the clients could make.
        var pool = new ConcurrentQueue<DrillFile>(DrillFiles.Create(Path.Combine(work, "inputs"), preload + clients * (int)Math.Max(60, duration.TotalSeconds * 2), seed));
        using var service = new ServiceProcess(data, Path.Combine(work, "service.log"), serviceArguments);
        await service.StartAsync(cancellationToken);
        using var client = new DrillClient(service.Url);

        var uploaded = new ConcurrentBag<(DrillFile File, string Job)>();
        var first = Enumerable.Range(0, preload).Select(_ => pool.TryDequeue(out var f) ? f : null).OfType<DrillFile>().ToList();
        foreach (var chunk in first.Chunk(20))
        {
            var job = await client.UploadAsync(chunk, cancellationToken) ?? throw new InvalidOperationException("the service refused the preload");
            foreach (var file in chunk)
            {
                uploaded.Add((file, job));
            }
        }
        await WaitForJobsAsync(client, uploaded.Select(u => u.Job).Distinct().ToList(), cancellationToken);
        var documents = (await client.Http.GetFromJsonAsync<List<DocumentSummaryView>>("/api/documents", ServiceClient.Json, cancellationToken))!.Select(d => d.Id).ToList();
        progress.WriteLine($"preloaded {first.Count} files; {clients} clients for {duration.TotalSeconds:F0} s");

        var samples = new ConcurrentBag<(string Operation, int Status, double Milliseconds)>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed * 31 + c);
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var roll = random.Next(100);
                var (operation, call) = roll switch
                {
                    < 45 => ("search", (Func<HttpClient, CancellationToken, Task<HttpResponseMessage>>)((h, t) => h.GetAsync($"/api/search?q={Uri.EscapeDataString(Queries[random.Next(Queries.Length)])}", t))),
                    < 60 => ("upload", UploadOne(pool, uploaded)),
                    < 70 => ("coverage", (h, t) => h.GetAsync("/api/frameworks/shapotou-2023/coverage", t)),
                    < 82 => ("decision", (h, t) => h.PostAsJsonAsync($"/api/documents/{documents[random.Next(documents.Count)]}/mappings",
                        new { framework = "shapotou-2023", number = random.Next(1, 101), decision = random.Next(3) switch { 0 => "confirm", 1 => "reject", _ => "add" }, note = "演练" }, t)),
                    < 92 => ("document", (h, t) => h.GetAsync($"/api/documents/{documents[random.Next(documents.Count)]}", t)),
                    _ => ("status", (h, t) => h.GetAsync("/api/index/status", t)),
                };
                var (status, ms) = await client.TimedAsync(call, cancellationToken);
                samples.Add((operation, status, ms));
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;

        var jobs = uploaded.Select(u => u.Job).Distinct().ToList();
        await WaitForJobsAsync(client, jobs, cancellationToken);
        int lost = 0, duplicated = 0;
        foreach (var (file, _) in uploaded)
        {
            var (total, _) = await client.FindAsync(file.Code, cancellationToken);
            lost += total == 0 ? 1 : 0;
            duplicated += total > 1 ? 1 : 0;
        }
        var status = await client.StatusAsync(cancellationToken);
        await service.StopAsync();

        var all = samples.ToList();
        var operations = all.GroupBy(s => s.Operation).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LoadOperation(g.Key, g.Count(), g.Count(s => s.Status >= 500 || s.Status == 0), g.Count(s => s.Status is >= 400 and < 500),
                Percentile(g.Select(s => s.Milliseconds), 0.5), Percentile(g.Select(s => s.Milliseconds), 0.99)))
            .ToList();
        return new LoadDrillReport(clients, Math.Round(elapsed.TotalSeconds, 1), all.Count, Math.Round(all.Count / elapsed.TotalSeconds, 1),
            all.Count(s => s.Status >= 500), all.Count(s => s.Status == 0), uploaded.Count, lost, duplicated, status.Consistency.Agrees,
            Percentile(all.Select(s => s.Milliseconds), 0.5), Percentile(all.Select(s => s.Milliseconds), 0.99), operations);
    }

    /// <summary>An upload of one new file; the file and its job are remembered so the end can look for it.</summary>
    private static Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> UploadOne(ConcurrentQueue<DrillFile> pool, ConcurrentBag<(DrillFile, string)> uploaded) =>
        async (http, token) =>
        {
            if (!pool.TryDequeue(out var file))
            {
                return await http.GetAsync("/health", token);
            }
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(file.Path, token)), "file", file.DisplayName } };
            var response = await http.PostAsync("/api/documents", form, token);
            if (response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(token);
                var job = await response.Content.ReadFromJsonAsync<IngestionJob>(ServiceClient.Json, token);
                uploaded.Add((file, job!.Id));
            }
            return response;
        };

    private static async Task WaitForJobsAsync(DrillClient client, IReadOnlyList<string> jobs, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var id in jobs)
        {
            while (deadline.Elapsed < TimeSpan.FromMinutes(10))
            {
                var job = await client.JobAsync(id, cancellationToken);
                if (job?.Status is JobStatus.Completed or JobStatus.Cancelled)
                {
                    break;
                }
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);
    }

    private sealed record DocumentSummaryView(string Id);
}

/// <summary>Requests of one kind in a load run: how many, how many failed on the server's side, how many were refused, and their latency.</summary>
public sealed record LoadOperation(string Operation, int Requests, int ServerErrors, int ClientErrors, double P50Ms, double P99Ms);

/// <summary>A load run's figures: <see cref="ServerErrors"/> and <see cref="Lost"/> must be zero.</summary>
public sealed record LoadDrillReport(int Clients, double Seconds, int Requests, double RequestsPerSecond, int ServerErrors, int ConnectionErrors,
    int Uploaded, int Lost, int Duplicated, bool Agrees, double P50Ms, double P99Ms, IReadOnlyList<LoadOperation> Operations)
{
    public bool Passed => ServerErrors == 0 && ConnectionErrors == 0 && Lost == 0 && Duplicated == 0 && Agrees;
}
