namespace Search.Api.Tests.Cli;

/// <summary>Runs one command line of the real program in-process and captures what it printed.</summary>
public static class CliRunner
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Search.Cli.Program.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
