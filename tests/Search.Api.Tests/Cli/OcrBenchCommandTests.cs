using System.Text.Json;

namespace Search.Api.Tests.Cli;

/// <summary>A small `bench ocr`: one held-out notice, printed clean and turned, read by both engines.</summary>
[Trait("Category", "Integration")]
public sealed class OcrBenchCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-cli-ocr-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task BenchOcr_BothEnginesOnTheSamePages()
    {
        // Source 3 is national-2019, held out from tuning; "rotated" turns its page on its side.
        var (code, output, error) = await CliRunner.RunAsync("bench", "ocr", "--sources", "3", "--skip", "2", "--variants", "clean-150,rotated", "--json", "--data", _data);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("pages").GetInt32());
        var engines = root.GetProperty("engines").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(["paddle", "tesseract"], engines.Keys.Order());
        var paddle = engines["paddle"];
        var tesseract = engines["tesseract"];
        Assert.InRange(paddle.GetProperty("cer").GetDouble(), 0, 0.05);
        Assert.True(paddle.GetProperty("pagesPerSecond").GetDouble() > 0);
        Assert.True(tesseract.GetProperty("pagesPerSecond").GetDouble() > 0);
        // Tesseract cannot read the page turned on its side; PP-OCR turns it upright.
        Assert.InRange(paddle.GetProperty("variants").GetProperty("rotated").GetProperty("cer").GetDouble(), 0, 0.05);
        Assert.True(tesseract.GetProperty("variants").GetProperty("rotated").GetProperty("cer").GetDouble() > 0.5);
    }

    [Fact]
    public async Task BenchOcr_UnknownVariant_UsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync("bench", "ocr", "--variants", "blurry", "--data", _data);

        Assert.Equal(2, code);
        Assert.Contains("blurry", error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
