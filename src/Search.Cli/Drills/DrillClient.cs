using System.Net.Http.Json;
using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Search;

namespace Search.Cli.Drills;

/// <summary>What a drill asks of the service over HTTP, as the page and the command line do.</summary>
public sealed class DrillClient(string url) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Uploads files as one job; null when the service did not take them (it died meanwhile).</summary>
    public async Task<string?> UploadAsync(IReadOnlyList<DrillFile> files, CancellationToken cancellationToken)
    {
        try
        {
            using var form = new MultipartFormDataContent();
            foreach (var file in files)
            {
                form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file.Path, cancellationToken)), "file", file.DisplayName);
            }
            using var response = await _http.PostAsync("/api/documents", form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var job = await response.Content.ReadFromJsonAsync<IngestionJob>(ServiceClient.Json, cancellationToken);
            return job?.Id;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<IngestionJob?> JobAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.GetFromJsonAsync<IngestionJob>($"/api/jobs/{id}", ServiceClient.Json, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>How many documents a search for the code word finds, and their files.</summary>
    public async Task<(int Total, IReadOnlyList<string> Files)> FindAsync(string code, CancellationToken cancellationToken)
    {
        var results = await _http.GetFromJsonAsync<SearchResults>($"/api/search?q={Uri.EscapeDataString(code)}&size=10", ServiceClient.Json, cancellationToken);
        return (results!.Total, results.Hits.Select(h => h.FileName).ToList());
    }

    public async Task<IndexStatusView> StatusAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<IndexStatusView>("/api/index/status", ServiceClient.Json, cancellationToken))!;

    /// <summary>GET or POST with the status code and the time it took, for the load run.</summary>
    public async Task<(int Status, double Milliseconds)> TimedAsync(Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var response = await call(_http, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return ((int)response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (0, clock.Elapsed.TotalMilliseconds);
        }
    }

    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();

    /// <summary>The part of GET /api/index/status a drill reads.</summary>
    public sealed record IndexStatusView(IndexConsistencyReport Consistency, ProjectorStatus Projector, int Passages);
}
