using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests.Endpoints;

public sealed class HealthEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task Health_WithoutCredentials_ReturnsOk()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_ListsHealth()
    {
        using var client = factory.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(body.GetProperty("paths").TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task Root_ServesTheChinesePage()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("佐证材料检索", html);
        Assert.Contains("/page/app.js", html);
    }

    [Theory]
    [InlineData("/page/app.js", "text/javascript")]
    [InlineData("/page/views/document.js", "text/javascript")]
    [InlineData("/page/style.css", "text/css")]
    public async Task PageModules_AreServedWithTheirTypes(string path, string type)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PageModules_UnknownFile_IsAProblem()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/page/../appsettings.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_ReturnsProblemDetails()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
