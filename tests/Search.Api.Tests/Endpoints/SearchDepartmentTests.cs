using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests.Endpoints;

/// <summary>The search's unit filter takes a unit as people type it and says which unit it took.</summary>
public sealed class SearchDepartmentTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static string Url(string department) => "/api/search?q=" + Uri.EscapeDataString("公平竞争审查") + "&department=" + Uri.EscapeDataString(department);

    [Theory]
    [InlineData("市场监管")]
    [InlineData("市场监管局")]
    [InlineData("区市场监管分局")]
    public async Task Search_DepartmentAsTyped_ResolvesToUnitAndSaysSo(string typed)
    {
        using var client = factory.CreateClient();
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "公平竞争审查工作报告.txt", "区市场监管分局2022年公平竞争审查工作情况报告\n全年审查政策措施12件。\n2022年12月28日", "区市场监管分局"));
        await Uploads.UploadAndWaitAsync(client, "司法局审查.txt", "区司法局公平竞争审查培训情况。\n2022年5月6日", "区司法局");

        var results = await client.GetFromJsonAsync<JsonElement>(Url(typed));

        var hits = results.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("documentId").GetString() == id);
        Assert.All(hits, h => Assert.Equal("区市场监管分局", h.GetProperty("department").GetString()));
        var resolved = results.GetProperty("resolvedDepartment");
        Assert.Equal(typed, resolved.GetProperty("typed").GetString());
        Assert.Equal(["区市场监管分局"], resolved.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Search_DepartmentWrittenInQuery_ResolvedAndSaysSo()
    {
        using var client = factory.CreateClient();
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "公平竞争审查工作报告.txt", "区市场监管分局2022年公平竞争审查工作情况报告\n全年审查政策措施12件。\n2022年12月28日", "区市场监管分局"));
        await Uploads.UploadAndWaitAsync(client, "司法局审查.txt", "区司法局公平竞争审查培训情况。\n2022年5月6日", "区司法局");

        var results = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("公平竞争审查 department:市场监管"));

        var hits = results.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("documentId").GetString() == id);
        Assert.All(hits, h => Assert.Equal("区市场监管分局", h.GetProperty("department").GetString()));
        var resolved = results.GetProperty("resolvedDepartment");
        Assert.Equal("市场监管", resolved.GetProperty("typed").GetString());
        Assert.Equal(["区市场监管分局"], resolved.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Search_UnknownDepartment_NoHitsAndListsKnownUnits()
    {
        using var client = factory.CreateClient();
        await Uploads.UploadAndWaitAsync(client, "公平竞争审查工作报告.txt", "区市场监管分局2022年公平竞争审查工作情况报告\n2022年12月28日", "区市场监管分局");

        var results = await client.GetFromJsonAsync<JsonElement>(Url("气象"));

        Assert.Equal(0, results.GetProperty("total").GetInt32());
        var resolved = results.GetProperty("resolvedDepartment");
        Assert.Empty(resolved.GetProperty("units").EnumerateArray());
        Assert.Contains("区市场监管分局", resolved.GetProperty("known").EnumerateArray().Select(u => u.GetString()));
    }
}
