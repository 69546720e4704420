using System.Text.Json;
using Search.Api.Tests.Cli;

namespace Search.Api.Tests.Ownership;

/// <summary>Small versions of the crash and load drills: the real service as a child process, killed with SIGKILL, loaded from several clients.</summary>
[Trait("Category", "Drill")]
public sealed class DrillTests
{
    [Fact]
    public async Task Crash_ThreeKills_EveryFileFoundExactlyOnce()
    {
        var (code, output, error) = await CliRunner.RunAsync("drill", "crash", "--files", "48", "--kills", "3", "--batch", "8", "--json");

        Assert.True(code == 0, output + error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(48, report.GetProperty("found").GetInt32());
        Assert.Equal(0, report.GetProperty("lost").GetInt32());
        Assert.Equal(0, report.GetProperty("duplicated").GetInt32());
        Assert.Equal(3, report.GetProperty("rounds").GetArrayLength());
        Assert.Contains("completed", report.GetProperty("rounds")[0].GetProperty("moment").GetString());
        Assert.All(report.GetProperty("rounds").EnumerateArray(), r => Assert.True(r.GetProperty("agrees").GetBoolean()));
    }

    [Fact]
    public async Task Workers_TwoWorkerProcesses_OneKilledInAScan_EveryFileIndexedOnce()
    {
        var (code, output, error) = await CliRunner.RunAsync("drill", "workers", "--files", "24", "--scans", "2", "--workers", "2", "--json");

        Assert.True(code == 0, output + error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(26, report.GetProperty("files").GetInt32());
        Assert.Equal(26, report.GetProperty("found").GetInt32());
        Assert.Equal(0, report.GetProperty("lost").GetInt32());
        Assert.Equal(0, report.GetProperty("duplicated").GetInt32());
        Assert.Contains("SIGKILL", report.GetProperty("killed").GetString());
        Assert.Equal(2, report.GetProperty("phases").GetArrayLength());
    }

    [Fact]
    public async Task Load_FourClients_NoServerErrorsNothingLost()
    {
        var (code, output, error) = await CliRunner.RunAsync("drill", "load", "--clients", "4", "--seconds", "8", "--preload", "16", "--json");

        Assert.True(code == 0, output + error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, report.GetProperty("serverErrors").GetInt32());
        Assert.Equal(0, report.GetProperty("lost").GetInt32());
        Assert.True(report.GetProperty("requests").GetInt32() > 20);
        Assert.Contains(report.GetProperty("operations").EnumerateArray(), o => o.GetProperty("operation").GetString() == "decision");
    }
}
