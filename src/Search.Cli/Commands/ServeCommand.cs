using Search.Api;

namespace Search.Cli.Commands;

/// <summary>`serve`: runs the web API and page in this process until stopped.</summary>
public sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";

    public string Summary => "Start the web service (ingests the built-in corpus into an empty data directory first).";

    public string Usage => "search serve [--urls URL] [--data DIR]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var overrides = context.ConfigurationOverrides;
        if (context.Arguments.Get("urls") is { } urls)
        {
            overrides["urls"] = urls;
        }
        var app = SearchApi.Build([], overrides);
        await app.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
