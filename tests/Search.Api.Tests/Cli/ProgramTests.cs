using System.CommandLine;
using Search.Cli;

namespace Search.Api.Tests.Cli;

/// <summary>The command line as System.CommandLine reads it: help everywhere, and every unknown word refused with the usage and exit code 2.</summary>
public sealed class ProgramTests
{
    /// <summary>Every command and sub-command, as the words that name it.</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Walk(CliGrammar.Root, []))
        {
            data.Add(string.Join(' ', path));
        }
        return data;
    }

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] subPath = [.. path, sub.Name];
            yield return subPath;
            foreach (var deeper in Walk(sub, subPath))
            {
                yield return deeper;
            }
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Search.Cli.Program.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_UnknownCommand_ReturnsUsageWithReason()
    {
        var (code, _, error) = await RunAsync("nonsense");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("nonsense", error);
        Assert.Contains("用法", error);
    }

    [Fact]
    public async Task Run_NoCommand_ReturnsUsage()
    {
        var (code, _, error) = await RunAsync();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("serve", error);
    }

    [Fact]
    public async Task Run_Help_ListsEveryCommand()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.All(Search.Cli.Program.Commands, c => Assert.Contains(c.Name, output));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_ShowsItsUsage(string command)
    {
        var (code, output, _) = await RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"search {command}", output);
        Assert.Contains("--data", output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task UnknownOption_EveryCommand_RefusedWithUsage(string command)
    {
        var (code, _, error) = await RunAsync([.. command.Split(' '), "--framwork", "shapotou-2023", "--data", Path.GetTempPath()]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--framwork", error);
        Assert.Contains($"search {command}", error);
    }

    [Theory]
    [InlineData("serve", "surplus")]
    [InlineData("coverage", "--framework", "shapotou-2023", "surplus")]
    [InlineData("check-web", "surplus")]
    [InlineData("classify", "a.txt", "b.txt", "--framework", "shapotou-2023")]
    [InlineData("frameworks", "show", "shapotou-2023", "surplus")]
    [InlineData("frameworks", "list", "surplus")]
    [InlineData("mapping", "list", "doc1", "doc2")]
    [InlineData("bench", "surplus")]
    [InlineData("drill", "crash", "surplus")]
    [InlineData("draft", "--framework", "shapotou-2023", "--indicator", "12", "surplus")]
    public async Task UnexpectedArgument_Refused(params string[] args)
    {
        var (code, _, error) = await RunAsync([.. args, "--data", Path.GetTempPath()]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("用法", error);
    }

    [Theory]
    [InlineData("serve", "--urls")]
    [InlineData("query", "复议", "--top", "many")]
    [InlineData("query", "复议", "--top", "0")]
    [InlineData("query", "复议", "--sort", "random")]
    [InlineData("query", "复议", "--top", "3", "--top", "5")]
    [InlineData("classify", "a.txt")]
    [InlineData("check-web", "--indicator", "3")]
    [InlineData("mapping", "confirm", "doc1", "--framework", "shapotou-2023")]
    [InlineData("mapping")]
    [InlineData("draft", "--framework", "shapotou-2023", "--indicator", "twelve")]
    [InlineData("query", "复议", "--Search:Llm:Model")]
    [InlineData("query", "复议", "--Search::Model", "x")]
    public async Task BadValue_Refused(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", error);
    }

    [Theory]
    [InlineData("--url", "http://a.example/", "--url", "http://b.example/")]
    [InlineData("--url", "http://a.example/", "http://b.example/")]
    public void RepeatedOption_Collects(params string[] urls)
    {
        var arguments = CliGrammar.Parse(["check-web", .. urls, "--expect", "权责清单", "年度报告"]);

        Assert.Empty(arguments.Errors);
        Assert.Equal(["http://a.example/", "http://b.example/"], arguments.Parse.GetValue<string[]>("--url")!);
        Assert.Equal(["权责清单", "年度报告"], arguments.Parse.GetValue<string[]>("--expect")!);
    }

    [Fact]
    public void ConfigurationKeys_AsOptions_BecomeOverrides()
    {
        var arguments = CliGrammar.Parse(["draft", "--framework", "shapotou-2023", "--indicator", "12", "--Search:Llm:Model", "county-model",
            "--Search:Llm:Endpoint=http://127.0.0.1:9/v1", "--data", "some/dir", "--json"]);

        Assert.Empty(arguments.Errors);
        var overrides = arguments.ConfigurationOverrides();
        Assert.Equal("county-model", overrides["Search:Llm:Model"]);
        Assert.Equal("http://127.0.0.1:9/v1", overrides["Search:Llm:Endpoint"]);
        Assert.Equal(Path.GetFullPath("some/dir"), overrides["Search:DataDirectory"]);
        Assert.True(arguments.Json);
    }

    [Fact]
    public void Query_SeveralWords_AllSearched()
    {
        var arguments = CliGrammar.Parse(["query", "行政", "复议", "--top", "3"]);

        Assert.Empty(arguments.Errors);
        Assert.Equal(["行政", "复议"], arguments.Parse.GetValue<string[]>("TEXT")!);
    }

    [Fact]
    public void DashedWord_AfterDoubleDash_IsAWord()
    {
        var arguments = CliGrammar.Parse(["query", "--", "年度报告", "-draft"]);

        Assert.Empty(arguments.Errors);
        Assert.Equal(["年度报告", "-draft"], arguments.Parse.GetValue<string[]>("TEXT")!);
    }

    [Theory]
    [InlineData(true, "frameworks", "import", "notice.txt")]
    [InlineData(false, "frameworks", "list")]
    [InlineData(false, "frameworks")]
    [InlineData(true, "mapping", "confirm", "doc1", "--framework", "shapotou-2023", "--indicator", "3")]
    [InlineData(false, "mapping", "list", "doc1")]
    [InlineData(true, "ingest", "a.txt")]
    [InlineData(true, "check-web", "--url", "http://a.example/")]
    [InlineData(false, "query", "复议")]
    [InlineData(false, "coverage", "--framework", "shapotou-2023")]
    public void Writes_OnlyCommandsThatChangeTheDataDirectory(bool writes, params string[] args)
    {
        var arguments = CliGrammar.Parse(args);
        var command = Search.Cli.Program.Commands.Single(c => c.Definition == arguments.TopCommand);

        Assert.Empty(arguments.Errors);
        Assert.Equal(writes, command.Writes(arguments));
    }
}
