using System.CommandLine;
using Search.Api;

namespace Search.Cli.Commands;

/// <summary>`serve`: runs the web API and page in this process until stopped.</summary>
public sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";

    private static readonly Option<string> Urls = CliOptions.Text("--urls", "监听地址，如 http://127.0.0.1:8080（多个用分号隔开）", "URL");

    public Command Definition { get; } = new("serve", "启动网页服务（数据目录为空时先导入内置政策文件）。") { Urls };

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var overrides = context.ConfigurationOverrides;
        if (context.Arguments.Value(Urls) is { } urls)
        {
            overrides["urls"] = urls;
        }
        var app = SearchApi.Build([], overrides);
        await app.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
