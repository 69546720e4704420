using System.Text.Json;
using Search.Api.Tests.Cli;
using Search.Core.Tests.Llm;

namespace Search.Api.Tests.Llm;

/// <summary>`draft` through the CLI: exit code 6 with one line when no model is configured, the stable JSON when one is.</summary>
public sealed class DraftCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-cli-draft-" + Guid.NewGuid().ToString("N"));
    private readonly string _inputs = Path.Combine(Path.GetTempPath(), "search-cli-draft-in-" + Guid.NewGuid().ToString("N"));

    public DraftCommandTests() => Directory.CreateDirectory(_inputs);

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task Draft_Unconfigured_ExitsConfigurationWithOneLine()
    {
        var (code, output, error) = await RunAsync("draft", "--framework", "shapotou-2023", "--indicator", "12", "--json", "--data", _data);

        Assert.Equal(Search.Cli.ExitCodes.Configuration, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("未配置语言模型 (Search:Llm:Endpoint)", error);
    }

    [Fact]
    public async Task Draft_ConfiguredOnTheCommandLine_JsonWithTextLengthCitations()
    {
        using var server = new FakeOpenAiServer();
        server.Chat = _ => FakeOpenAiServer.Reply.ChatText("区市场监管分局逐件开展公平竞争审查，建立审查台账。[1]");
        var file = Path.Combine(_inputs, "审查通知.txt");
        await File.WriteAllTextAsync(file, "关于开展公平竞争审查工作的通知\n\n区市场监管分局对行政规范性文件逐件开展公平竞争审查，建立审查台账。");
        Assert.Equal(0, (await RunAsync("ingest", file, "--department", "区市场监管分局", "--data", _data)).Code);
        var documentId = JsonDocument.Parse((await RunAsync("query", "审查台账", "--json", "--data", _data)).Output).RootElement.GetProperty("hits")[0].GetProperty("documentId").GetString()!;
        Assert.Equal(0, (await RunAsync("mapping", "confirm", documentId, "--framework", "shapotou-2023", "--indicator", "12", "--data", _data)).Code);

        var (code, output, error) = await RunAsync("draft", "--framework", "shapotou-2023", "--indicator", "12", "--json", "--data", _data,
            "--Search:Llm:Endpoint", server.Endpoint, "--Search:Llm:Model", "county-model");

        Assert.True(code == 0, error);
        var draft = JsonDocument.Parse(output).RootElement;
        Assert.Contains("[1]", draft.GetProperty("text").GetString());
        Assert.Equal(DraftLengthOf(draft.GetProperty("text").GetString()!), draft.GetProperty("length").GetInt32());
        Assert.Equal(documentId, draft.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Equal(1, draft.GetProperty("citations")[0].GetProperty("page").GetInt32());
    }

    private static int DraftLengthOf(string text) => Search.Core.Llm.DraftLength.Count(text);

    public void Dispose()
    {
        foreach (var dir in new[] { _data, _inputs })
        {
            if (Directory.Exists(dir))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
