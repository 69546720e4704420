using System.Text.Json;

namespace Search.Api.Tests.Cli;

public sealed class CommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-cli-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _inputs = Path.Combine(Path.GetTempPath(), "search-cli-inputs-" + Guid.NewGuid().ToString("N"));

    public CommandTests() => Directory.CreateDirectory(_inputs);

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task FrameworksList_Json_HasBuiltIns()
    {
        var (code, output, _) = await RunAsync("frameworks", "list", "--json", "--data", _data);

        Assert.Equal(0, code);
        var list = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Contains(list, f => f.GetProperty("id").GetString() == "shapotou-2023" && f.GetProperty("indicatorCount").GetInt32() == 100);
        Assert.Contains(list, f => f.GetProperty("id").GetString() == "national-2019");
    }

    [Fact]
    public async Task Ingest_MixedBatch_NamesBadFile_ExitCodeSaysPartialFailure_ThenQueryFinds()
    {
        await File.WriteAllTextAsync(Path.Combine(_inputs, "good.txt"), "区司法局开展行政执法案卷评查工作。");
        await File.WriteAllBytesAsync(Path.Combine(_inputs, "empty.docx"), []);

        var (code, output, error) = await RunAsync("ingest", _inputs, "--department", "区司法局", "--data", _data);

        Assert.Equal(Search.Cli.ExitCodes.PartialFailure, code);
        Assert.Contains("good.txt", output);
        Assert.Contains("empty.docx：文件为空", error);

        var (queryCode, json, _) = await RunAsync("query", "案卷评查", "--json", "--data", _data);
        Assert.Equal(0, queryCode);
        var hit = JsonDocument.Parse(json).RootElement.GetProperty("hits")[0];
        Assert.Equal("区司法局", hit.GetProperty("department").GetString());
    }

    [Fact]
    public async Task Classify_UnknownFramework_ExitsNotFoundWithReason()
    {
        var file = Path.Combine(_inputs, "a.txt");
        await File.WriteAllTextAsync(file, "权责清单");

        var (code, _, error) = await RunAsync("classify", file, "--framework", "nope", "--data", _data);

        Assert.Equal(Search.Cli.ExitCodes.NotFound, code);
        Assert.Contains("nope", error);
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
