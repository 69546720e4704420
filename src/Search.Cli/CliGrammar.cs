using System.CommandLine;
using System.Globalization;

namespace Search.Cli;

/// <summary>
/// The program's grammar on System.CommandLine: every command with its arguments, options and sub-commands,
/// the options every command takes, and configuration keys given as options. Built once; parsing only reads it.
/// Messages of the parser and the help are in Chinese whatever the machine's language, like the rest of the program.
/// </summary>
public static class CliGrammar
{
    private static readonly Lazy<Command> LazyRoot = new(Build);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    private static readonly Lazy<HashSet<string>> OptionNames = new(() => [.. Walk(Root).SelectMany(c => c.Options).Select(o => o.Name)]);

    public static Command Root => LazyRoot.Value;

    private static IEnumerable<Command> Walk(Command command) => [command, .. command.Subcommands.SelectMany(Walk)];

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var (rest, configuration, errors) = SplitConfiguration(args);
        // No response files: an argument that starts with @ is a name like any other.
        var parse = InChinese(() => Root.Parse(rest, new ParserConfiguration { ResponseFileTokenReplacer = null }));
        return new CliArguments(parse, configuration, [.. errors, .. UnknownOptions(parse)]);
    }

    /// <summary>The help of a command (its usage, arguments, options and sub-commands), as `--help` shows it.</summary>
    public static void WriteHelp(Command command, TextWriter writer)
    {
        var path = new List<string> { "--help" };
        for (var c = command; c != Root; c = c.Parents.OfType<Command>().First())
        {
            path.Insert(0, c.Name);
        }
        InChinese(() => Root.Parse(path).Invoke(new InvocationConfiguration { Output = writer, Error = writer }));
    }

    private static Command Build()
    {
        var root = new Command("search", "法治政府建设示范创建佐证材料检索：入库、检索、指标匹配、覆盖情况、网络检索。")
        {
            new System.CommandLine.Help.HelpOption { Description = "显示帮助和用法" },
            CliOptions.Data,
            CliOptions.Json,
            CliOptions.Verbose,
        };
        foreach (var command in Program.Commands)
        {
            root.Subcommands.Add(command.Definition);
        }
        return root;
    }

    /// <summary>
    /// Takes out `--Section:Key value` and `--Section:Key=value` (any option whose name holds a colon), as .NET's
    /// command-line configuration source spells them; everything after `--` is left as it is.
    /// </summary>
    private static (List<string> Remaining, Dictionary<string, string?> Configuration, List<string> Errors) SplitConfiguration(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : "";
            var equals = name.IndexOf('=');
            var key = equals >= 0 ? name[..equals] : name;
            // `--top:5` is System.CommandLine's own spelling of an option's value, not a configuration key.
            if (!key.Contains(':') || OptionNames.Value.Contains("--" + key[..key.IndexOf(':')]))
            {
                rest.Add(arg);
            }
            else if (key.Split(':').Any(part => part.Length == 0))
            {
                errors.Add($"配置键 {key} 无效：应写作 --节:键 值，例如 --Search:Llm:Model NAME。");
            }
            else if (equals >= 0)
            {
                configuration[key] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                configuration[key] = args[++i];
            }
            else
            {
                errors.Add($"配置键 --{key} 缺少值。");
            }
        }
        return (rest, configuration, errors);
    }

    /// <summary>
    /// Words that look like options but are none of this command's. System.CommandLine would take them as values
    /// (of `--url A B`, or of a command's words) and a mistyped `--framwork X` would pass unnoticed. A word that
    /// must start with a dash goes after `--`.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            if (token.Type == System.CommandLine.Parsing.TokenType.DoubleDash)
            {
                yield break;
            }
            var value = token.Value;
            var looksLikeOption = value.StartsWith("--", StringComparison.Ordinal) || (value.Length > 1 && value[0] == '-' && char.IsAsciiLetter(value[1]));
            if (token.Type == System.CommandLine.Parsing.TokenType.Argument && looksLikeOption && !parse.UnmatchedTokens.Contains(value))
            {
                yield return $"未知的选项 {value}（以 - 开头的值请放在 -- 之后）。";
            }
        }
    }

    private static T InChinese<T>(Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
