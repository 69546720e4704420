using System.CommandLine;

namespace Search.Cli;

/// <summary>
/// A parsed command line: what System.CommandLine read for the chosen command, plus configuration keys given as
/// options (`--Search:Llm:Model NAME`), which .NET's configuration reads and no command declares.
/// </summary>
public sealed class CliArguments(ParseResult parse, IReadOnlyDictionary<string, string?> configuration, IReadOnlyList<string> configurationErrors)
{
    public ParseResult Parse { get; } = parse;

    /// <summary>Configuration keys and values given on the command line.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; } = configuration;

    /// <summary>Why the command line cannot be run, if it cannot: unknown options, unexpected arguments, bad values.</summary>
    public IReadOnlyList<string> Errors { get; } = [.. configurationErrors, .. parse.Errors.Select(e => e.Message)];

    /// <summary>The innermost command named, e.g. `import` in `frameworks import`.</summary>
    public Command Command => Parse.CommandResult.Command;

    /// <summary>The top-level command named (`frameworks`), or the root when none was.</summary>
    public Command TopCommand
    {
        get
        {
            var result = Parse.CommandResult;
            while (result.Parent is System.CommandLine.Parsing.CommandResult { Parent: not null } parent)
            {
                result = parent;
            }
            return result.Command;
        }
    }

    /// <summary>The sub-command of the top-level command (`import`, `confirm`, `crash`), if one was named.</summary>
    public string? Verb => Command == TopCommand ? null : Command.Name;

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>The values of a repeatable option, empty when it was not given.</summary>
    public IReadOnlyList<string> Values(Option<string[]> option) => Parse.GetResult(option) is null ? [] : Parse.GetValue(option) ?? [];

    /// <summary>True when the option was given (not just defaulted).</summary>
    public bool Has(Option option) => Parse.GetResult(option) is { Implicit: false };

    public bool Json => Parse.GetValue(CliOptions.Json);

    public bool Verbose => Parse.GetValue(CliOptions.Verbose);

    /// <summary>Configuration overrides from the command line: --data, --allow-host, and every --Section:Key value.</summary>
    public Dictionary<string, string?> ConfigurationOverrides()
    {
        var overrides = new Dictionary<string, string?>();
        if (Parse.GetValue(CliOptions.Data) is { } data)
        {
            overrides["Search:DataDirectory"] = Path.GetFullPath(data);
        }
        foreach (var (key, value) in Configuration)
        {
            overrides[key] = value;
        }
        if (Values(CliOptions.AllowHost) is { Count: > 0 } hosts)
        {
            overrides["Search:WebChecks:AllowHosts"] = string.Join(",", hosts);
        }
        return overrides;
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class CliUsageException(string message) : Exception(message);
