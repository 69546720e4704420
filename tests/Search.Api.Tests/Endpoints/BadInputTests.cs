using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Search.Api.Tests.Endpoints;

/// <summary>
/// Sends every route of the real host what a careless or hostile caller would: ids that are paths, NULs and
/// ten thousand characters, numbers that are words or overflow, JSON that does not parse or has the wrong types,
/// broken multipart, empty files and programs. Every answer must be a 4xx with problem details (an upload
/// accepts the batch and names each bad file in its job), never a 5xx.
/// </summary>
public sealed class BadInputTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static readonly string[] BadIds =
    [
        "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "a%01b", new string('x', 5000), "C%3A%5CWindows%5Cwin.ini", "..%5C..%5Cescaped",
        "%E2%80%AE%E4%B8%AD", "%3Cscript%3E", "-1", "99999999999999999999",
    ];

    private static readonly string[] BadNumbers = ["abc", "99999999999999999999", "1.5", "%00", "-99999999999"];

    private static readonly string[] OddText = [new string('复', 10_000), "..%2F..%2Fetc%2Fpasswd", "%00", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%29%28*"];

    private readonly List<string> _failures = [];

    private IEnumerable<(string Route, RouteEndpoint Endpoint, MethodInfo? Handler)> Routes() =>
        RoutePolicyTests.Routes(factory.Services).Select(r => (r.Route, r.Endpoint, r.Endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()));

    /// <summary>The handler's parameters read from the query string: simple types that are neither route values nor services.</summary>
    private IEnumerable<ParameterInfo> QueryParameters(RouteEndpoint endpoint, MethodInfo? handler)
    {
        var services = factory.Services.GetRequiredService<IServiceProviderIsService>();
        return (handler?.GetParameters() ?? []).Where(p =>
            endpoint.RoutePattern.GetParameter(p.Name!) is null
            && IsSimple(p.ParameterType)
            && !services.IsService(p.ParameterType));
    }

    private static bool IsSimple(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(string) || t == typeof(decimal));

    private static bool IsNumber(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(bool));

    /// <summary>True when the handler reads a body: a record bound from JSON, or the request itself (forms).</summary>
    private bool ReadsBody(RouteEndpoint endpoint, MethodInfo? handler)
    {
        var services = factory.Services.GetRequiredService<IServiceProviderIsService>();
        return (handler?.GetParameters() ?? []).Any(p => p.ParameterType == typeof(Microsoft.AspNetCore.Http.HttpRequest)
            || (endpoint.RoutePattern.GetParameter(p.Name!) is null && !IsSimple(p.ParameterType) && !services.IsService(p.ParameterType)
                && p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(Microsoft.AspNetCore.Http.HttpContext)));
    }

    /// <summary>Query values the handler needs to get past its first check (a framework to work on).</summary>
    private string RequiredQuery(RouteEndpoint endpoint, MethodInfo? handler) =>
        QueryParameters(endpoint, handler).Any(p => p.Name == "framework") ? "?framework=shapotou-2023" : "";

    [Fact]
    public async Task RouteValues_PathsAndJunk_Answer4xx()
    {
        using var client = factory.CreateClient();
        foreach (var (route, endpoint, handler) in Routes())
        {
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                foreach (var bad in BadIds)
                {
                    using var request = RoutePolicyTests.Request(route, (pattern, name) => name == parameter.Name ? bad : RoutePolicyTests.PlausibleValue(pattern, name));
                    request.RequestUri = new Uri(request.RequestUri!.OriginalString + RequiredQuery(endpoint, handler), UriKind.Relative);
                    using var response = await client.SendAsync(request);
                    // A unit name is free text: an odd one is simply a unit with no duties.
                    await ExpectAsync(response, $"{route} with {parameter.Name}={Shorten(bad)}", allowSuccess: parameter.Name == "unit");
                }
            }
        }
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task QueryValues_WrongTypesHugeAndOdd_Answer4xxOrResults()
    {
        using var client = factory.CreateClient();
        foreach (var (route, endpoint, handler) in Routes())
        {
            foreach (var parameter in QueryParameters(endpoint, handler))
            {
                var values = IsNumber(parameter.ParameterType) ? BadNumbers : OddText;
                foreach (var bad in values)
                {
                    var others = parameter.Name == "framework" ? "" : RequiredQuery(endpoint, handler).TrimStart('?');
                    using var request = RoutePolicyTests.Request(route);
                    request.RequestUri = new Uri($"{request.RequestUri!.OriginalString}?{parameter.Name}={bad}{(others.Length > 0 ? "&" + others : "")}", UriKind.Relative);
                    using var response = await client.SendAsync(request);
                    // A number that is not one is always refused; odd text may be a valid search for nothing.
                    await ExpectAsync(response, $"{route} with ?{parameter.Name}={Shorten(bad)}", allowSuccess: !IsNumber(parameter.ParameterType) && parameter.Name != "framework");
                }
            }
        }
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task Bodies_MalformedWrongTypesAndFiles_Answer4xx()
    {
        using var client = factory.CreateClient();
        foreach (var (route, endpoint, handler) in Routes().Where(r => r.Route.StartsWith("POST", StringComparison.Ordinal) || r.Route.StartsWith("PUT", StringComparison.Ordinal)))
        {
            if (!ReadsBody(endpoint, handler))
            {
                continue;
            }
            var upload = route == "POST /api/documents/";
            foreach (var (label, content) in Bodies())
            {
                using var request = RoutePolicyTests.Request(route);
                request.RequestUri = new Uri(request.RequestUri!.OriginalString + RequiredQuery(endpoint, handler), UriKind.Relative);
                request.Content = content;
                using var response = await client.SendAsync(request);
                if (upload && response.StatusCode == HttpStatusCode.Accepted)
                {
                    // One bad file never stops a batch: the upload is accepted and the job names the file and the reason.
                    await ExpectFailedInJobAsync(client, response, $"{route} with {label}");
                    continue;
                }
                await ExpectAsync(response, $"{route} with {label}", allowSuccess: false);
            }
        }
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task Classify_Program_Answers422WithTheReason()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Program()), "file", "setup.exe" } };

        using var response = await client.PostAsync("/api/classify?framework=shapotou-2023", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("不支持", detail);
    }

    private static byte[] Program() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. new byte[512]];

    private static IEnumerable<(string Label, HttpContent Content)> Bodies()
    {
        yield return ("malformed JSON", new StringContent("{\"framework\": \"shapotou-2023\", ", Encoding.UTF8, "application/json"));
        yield return ("JSON of wrong types", new StringContent("{\"framework\":123,\"number\":\"x\",\"decision\":[],\"urls\":\"u\",\"text\":{},\"indicator\":\"一\"}", Encoding.UTF8, "application/json"));
        yield return ("JSON array", new StringContent("[1,2,3]", Encoding.UTF8, "application/json"));
        yield return ("huge number in JSON", new StringContent("{\"framework\":\"shapotou-2023\",\"number\":99999999999999999999,\"indicator\":99999999999999999999,\"decision\":\"confirm\"}", Encoding.UTF8, "application/json"));
        yield return ("plain text", new StringContent("hello", Encoding.UTF8, "text/plain"));
        yield return ("malformed multipart", new StringContent("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end", Encoding.UTF8)
        {
            Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ") },
        });
        yield return ("multipart without a file", new MultipartFormDataContent { { new StringContent("区司法局"), "department" } });
        yield return ("an empty file", new MultipartFormDataContent { { new ByteArrayContent([]), "file", "空文件.pdf" } });
        yield return ("a program", new MultipartFormDataContent { { new ByteArrayContent(Program()), "file", "setup.exe" } });
        yield return ("a file named as a path", new MultipartFormDataContent { { new ByteArrayContent([0, 1, 2, 3]), "file", "../../../etc/cron.d/x" } });
    }

    private async Task ExpectAsync(HttpResponseMessage response, string what, bool allowSuccess)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            _failures.Add($"{what}: {status} {await response.Content.ReadAsStringAsync()}");
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add($"{what}: {status} without problem details ({response.Content.Headers.ContentType})");
        }
        else if (status < 400 && !allowSuccess)
        {
            _failures.Add($"{what}: {status}, expected a 4xx");
        }
    }

    private async Task ExpectFailedInJobAsync(HttpClient client, HttpResponseMessage accepted, string what)
    {
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            if (job.GetProperty("status").GetString() is "completed" or "cancelled")
            {
                var files = job.GetProperty("files").EnumerateArray().ToList();
                if (!files.All(f => f.GetProperty("outcome").GetString() == "failed" && f.GetProperty("reason").GetString() is { Length: > 0 }))
                {
                    _failures.Add($"{what}: accepted, but the job did not name the bad file with a reason: {job}");
                }
                return;
            }
            await Task.Delay(100);
        }
        _failures.Add($"{what}: the job did not finish");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
