using System.Text.Json;

namespace Search.Api.Tests.Cli;

/// <summary>`items confirm|reject|list` through the real program over a data directory seeded by `ingest`.</summary>
public sealed class ItemsCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-items-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _inputs = Path.Combine(Path.GetTempPath(), "search-items-inputs-" + Guid.NewGuid().ToString("N"));

    public ItemsCommandTests() => Directory.CreateDirectory(_inputs);

    private const string Ledger = """
        沙坡头区2023年行政复议案件受理登记表
        序号 受理日期 申请人 被申请人 复议事项 办理结果
        1 2023年2月10日 刘某 区自然资源局 不动产登记 维持
        2 2023年3月22日 马某 区市场监管分局 行政处罚 撤销
        区司法局行政复议股
        """;

    private const string Bulletin = """
        行政复议工作简报（2023年第2期）
        我区发挥行政复议化解行政争议主渠道作用，上半年受理行政复议案件12件，通过调解和解化解行政争议5件。
        区司法局
        2023年6月15日
        """;

    private async Task<Dictionary<string, string>> IngestAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_inputs, "2023年行政复议案件受理登记表.txt"), Ledger);
        await File.WriteAllTextAsync(Path.Combine(_inputs, "行政复议工作简报.txt"), Bulletin);
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", _inputs, "--department", "区司法局", "--data", _data)).Code);
        var (_, json, _) = await CliRunner.RunAsync("query", "行政复议", "--json", "--data", _data);
        return JsonDocument.Parse(json).RootElement.GetProperty("hits").EnumerateArray()
            .ToDictionary(h => Path.GetFileName(h.GetProperty("file").GetString()!), h => h.GetProperty("documentId").GetString()!);
    }

    [Fact]
    public async Task ConfirmAndReject_ListShowsConfirmedApartFromSuggested()
    {
        var ids = await IngestAsync();
        var ledger = ids["2023年行政复议案件受理登记表.txt"];
        var bulletin = ids["行政复议工作简报.txt"];

        var before = await CliRunner.RunAsync("items", "list", "--framework", "shapotou-2023", "--indicator", "71", "--data", _data);
        Assert.Equal(0, before.Code);
        Assert.Contains("第1项【待确认】", before.Output);
        Assert.Contains($"○ 待确认  2023年行政复议案件受理登记表  id {ledger}", before.Output);

        var confirm = await CliRunner.RunAsync("items", "confirm", ledger, "--framework", "shapotou-2023", "--indicator", "71", "--item", "1", "--note", "已核对原件", "--user", "审核员甲", "--data", _data);
        Assert.Equal(0, confirm.Code);
        Assert.Contains($"已记录：确认文件 {ledger} 为 shapotou-2023 指标71 第1项材料（审核员甲，备注：已核对原件）", confirm.Output);
        var reject = await CliRunner.RunAsync("items", "reject", bulletin, "--framework", "shapotou-2023", "--indicator", "71", "--item", "2", "--note", "只是统计数字", "--user", "审核员甲", "--data", _data);
        Assert.Equal(0, reject.Code);

        var after = await CliRunner.RunAsync("items", "list", "--framework", "shapotou-2023", "--indicator", "71", "--data", _data);
        Assert.Contains("第1项【已确认】", after.Output);
        Assert.Contains($"✔ 已确认  2023年行政复议案件受理登记表  id {ledger}  审核员甲 于", after.Output);
        Assert.Contains("第2项【缺】", after.Output);
        Assert.Contains($"✘ 已否定  行政复议工作简报（2023年第2期）  id {bulletin}（审核员甲：只是统计数字）", after.Output);
        Assert.Contains("请向 区司法局 索取", after.Output);

        var (_, json, _) = await CliRunner.RunAsync("items", "list", "--framework", "shapotou-2023", "--indicator", "71", "--json", "--data", _data);
        var items = JsonDocument.Parse(json).RootElement.GetProperty("items");
        Assert.Equal("confirmed", items[0].GetProperty("status").GetString());
        Assert.Equal(ledger, items[0].GetProperty("confirmed")[0].GetProperty("documentId").GetString());
        Assert.Equal(0, items[0].GetProperty("suggested").GetArrayLength());
        Assert.Equal("missing", items[1].GetProperty("status").GetString());
        Assert.Equal(bulletin, items[1].GetProperty("rejected")[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task Confirm_UnknownItemOrDocument_ExitsNotFoundWithReason()
    {
        var ids = await IngestAsync();

        var noItem = await CliRunner.RunAsync("items", "confirm", ids.Values.First(), "--framework", "shapotou-2023", "--indicator", "71", "--item", "9", "--data", _data);
        Assert.Equal(Search.Cli.ExitCodes.NotFound, noItem.Code);
        Assert.Contains("指标 71 没有第 9 项材料（共 4 项）", noItem.Error);

        var noDocument = await CliRunner.RunAsync("items", "reject", "nope", "--framework", "shapotou-2023", "--indicator", "71", "--item", "1", "--data", _data);
        Assert.Equal(Search.Cli.ExitCodes.NotFound, noDocument.Code);
        Assert.Contains("没有编号为 nope 的文件", noDocument.Error);
    }

    [Fact]
    public async Task Confirm_WithoutItem_IsUsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync("items", "confirm", "abc", "--framework", "shapotou-2023", "--indicator", "71", "--data", _data);

        Assert.Equal(Search.Cli.ExitCodes.Usage, code);
        Assert.Contains("--item", error);
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
