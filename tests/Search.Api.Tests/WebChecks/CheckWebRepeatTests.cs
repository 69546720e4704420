using System.Text.Json;
using Search.Api.Tests.Cli;
using Search.Core.Tests.WebChecks;

namespace Search.Api.Tests.WebChecks;

/// <summary>
/// check-web with screenshots, run again and again as its own process (`drill check-web`), against the local test
/// site: two pages to picture and a hundred addresses that answer 404 at once, so progress lines are written on
/// other threads while the browser starts. Before the console writers were fixed, about one run in five hung
/// there for ever; `drill check-web` (50 runs by default) is the full version.
/// </summary>
[Trait("Category", "Drill")]
[Collection(RunsAloneCollection.Name)]
public sealed class CheckWebRepeatTests : IDisposable
{
    private readonly LocalWebServer _server = new();

    [Fact]
    public async Task CheckWeb_WithScreenshots_FinishesEveryRun()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "chromium is installed by .ci/run (apt-get install chromium)");
        var arguments = new List<string> { "drill", "check-web", "--runs", "3", "--timeout", "120", "--json", "--url", _server.Url("/ok"), "--url", _server.Url("/new-list") };
        foreach (var n in Enumerable.Range(1, 100))
        {
            arguments.AddRange(["--url", _server.Url($"/absent/{n}")]);
        }

        var (code, output, error) = await CliRunner.RunAsync([.. arguments]);

        Assert.True(code == 0, output + error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(3, report.GetProperty("finished").GetInt32());
        Assert.Equal(0, report.GetProperty("hung").GetInt32());
    }

    public void Dispose() => _server.Dispose();
}
