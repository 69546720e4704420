using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Configuration;
using Search.Core.Storage;

namespace Search.Cli;

/// <summary>
/// The running service that owns the data directory, reached over HTTP with the local command-line key it
/// published in owner.json. Writing commands go through it, so the service stays the only writer.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient _http;

    private ServiceClient(DataDirectoryOwner owner)
    {
        Owner = owner;
        _http = new HttpClient { BaseAddress = new Uri(owner.Url!), Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add("X-Api-Key", owner.Token);
        _http.DefaultRequestHeaders.Add("X-Search-User", Uri.EscapeDataString(Environment.UserName));
    }

    public DataDirectoryOwner Owner { get; }

    /// <summary>The service that owns <paramref name="paths"/>, when one published its address and answers for the same directory; else null.</summary>
    public static async Task<ServiceClient?> ConnectAsync(DataPaths paths, CancellationToken cancellationToken)
    {
        var owner = DataDirectoryLock.ReadOwner(paths);
        if (owner is not { Url: not null, Token: not null } || !owner.IsAlive)
        {
            return null;
        }
        var client = new ServiceClient(owner);
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(TimeSpan.FromSeconds(5));
            var health = await client._http.GetFromJsonAsync<Health>("/health", Json, probe.Token);
            if (health is not null && Path.GetFullPath(health.DataDirectory) == paths.Root)
            {
                return client;
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }
        client.Dispose();
        return null;
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task<T> PostJsonAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, Json, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> PostFormAsync<T>(string path, MultipartFormDataContent form, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(path, form, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>A file part whose name keeps its folders (UTF-8), as a browser's folder upload sends it.</summary>
    public static StreamContent FilePart(string path)
    {
        var content = new StreamContent(File.OpenRead(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new SearchException($"服务返回了空的应答（{(int)response.StatusCode}）。");
    }

    /// <summary>Turns the service's problem details back into the exceptions the command line maps to exit codes.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string? detail = null;
        try
        {
            detail = (await response.Content.ReadFromJsonAsync<Problem>(Json, cancellationToken))?.Detail;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
        }
        detail ??= response.ReasonPhrase ?? "";
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new NotFoundException(detail),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge => new InvalidInputException(detail),
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => new ForbiddenException(detail),
            HttpStatusCode.ServiceUnavailable => new ConfigurationException("service", detail),
            _ => new SearchException($"服务出错（{(int)response.StatusCode}）：{detail}"),
        };
    }

    public void Dispose() => _http.Dispose();

    private sealed record Health(string Status, string DataDirectory);

    private sealed record Problem(string? Title, string? Detail);
}
