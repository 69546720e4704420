namespace Search.Api.Tests.Cli;

public sealed class ProgramTests
{
    [Fact]
    public async Task Run_UnknownCommand_ReturnsUsageWithReason()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await Search.Cli.Program.RunAsync(["nonsense"], output, error, CancellationToken.None);

        Assert.Equal(Search.Cli.ExitCodes.Usage, code);
        Assert.Contains("unknown command 'nonsense'", error.ToString());
    }

    [Fact]
    public async Task Run_Help_ListsServe()
    {
        var output = new StringWriter();

        var code = await Search.Cli.Program.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(Search.Cli.ExitCodes.Success, code);
        Assert.Contains("serve", output.ToString());
    }

    [Fact]
    public async Task Run_OptionWithoutValue_ReturnsUsage()
    {
        var error = new StringWriter();

        var code = await Search.Cli.Program.RunAsync(["serve", "--urls"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(Search.Cli.ExitCodes.Usage, code);
        Assert.Contains("--urls needs a value", error.ToString());
    }
}
