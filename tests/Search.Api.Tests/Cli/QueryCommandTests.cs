using System.Text.Json;

namespace Search.Api.Tests.Cli;

/// <summary>`query --department` with a unit as people type it.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-cli-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _inputs = Path.Combine(Path.GetTempPath(), "search-cli-inputs-" + Guid.NewGuid().ToString("N"));

    public QueryCommandTests() => Directory.CreateDirectory(_inputs);

    private async Task IngestAsync(string name, string text, string department)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_inputs, Guid.NewGuid().ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, name), text);
        var (code, _, error) = await CliRunner.RunAsync("ingest", folder, "--department", department, "--data", _data);
        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Query_PartialDepartment_ResolvesAndPrintsUnit()
    {
        await IngestAsync("报告.txt", "区市场监管分局2022年公平竞争审查工作情况报告\n2022年12月28日", "区市场监管分局");
        await IngestAsync("培训.txt", "区司法局公平竞争审查培训情况。\n2022年5月6日", "区司法局");

        var (code, output, _) = await CliRunner.RunAsync("query", "公平竞争审查", "--department", "市场监管", "--data", _data);
        var (jsonCode, json, _) = await CliRunner.RunAsync("query", "公平竞争审查", "--department", "市场监管", "--json", "--data", _data);

        Assert.Equal(0, code);
        Assert.Contains("报送单位：区市场监管分局（按“市场监管”匹配）", output);
        Assert.Contains("1 条结果", output);
        Assert.DoesNotContain("区司法局", output);
        Assert.Equal(0, jsonCode);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("区市场监管分局", root.GetProperty("hits")[0].GetProperty("department").GetString());
        Assert.Equal(["区市场监管分局"], root.GetProperty("resolvedDepartment").GetProperty("units").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Query_DepartmentWrittenInQuery_ResolvedLikeTheOption()
    {
        await IngestAsync("报告.txt", "区市场监管分局2022年公平竞争审查工作情况报告\n2022年12月28日", "区市场监管分局");
        await IngestAsync("培训.txt", "区司法局公平竞争审查培训情况。\n2022年5月6日", "区司法局");

        var (code, output, _) = await CliRunner.RunAsync("query", "公平竞争审查 department:市场监管", "--data", _data);
        var (jsonCode, json, _) = await CliRunner.RunAsync("query", "公平竞争审查", "department:市场监管局", "--json", "--data", _data);

        Assert.Equal(0, code);
        Assert.Contains("报送单位：区市场监管分局（按“市场监管”匹配）", output);
        Assert.Contains("1 条结果", output);
        Assert.DoesNotContain("区司法局", output);
        Assert.Equal(0, jsonCode);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal("区市场监管分局", root.GetProperty("hits")[0].GetProperty("department").GetString());
        Assert.Equal("市场监管局", root.GetProperty("resolvedDepartment").GetProperty("typed").GetString());
        Assert.Equal(["区市场监管分局"], root.GetProperty("resolvedDepartment").GetProperty("units").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Query_UnknownDepartment_SaysSoWithKnownUnits()
    {
        await IngestAsync("报告.txt", "区市场监管分局2022年公平竞争审查工作情况报告\n2022年12月28日", "区市场监管分局");

        var (code, output, _) = await CliRunner.RunAsync("query", "公平竞争审查", "--department", "气象", "--data", _data);

        Assert.Equal(Search.Cli.ExitCodes.NotFound, code);
        Assert.Contains("没有与“气象”相符的报送单位", output);
        Assert.Contains("区市场监管分局", output);
        Assert.DoesNotContain("0 条结果", output);
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _data, _inputs })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
