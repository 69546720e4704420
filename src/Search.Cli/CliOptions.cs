using System.CommandLine;

namespace Search.Cli;

/// <summary>The options every command takes, and the shapes of the options several commands share.</summary>
public static class CliOptions
{
    public static readonly Option<string> Data = new("--data") { Description = "数据目录（默认 index/）", HelpName = "DIR", Recursive = true };

    public static readonly Option<bool> Json = Flag("--json", "以 JSON 输出，供脚本读取", recursive: true);

    public static readonly Option<bool> Verbose = Flag("--verbose", "输出调试日志到标准错误", recursive: true);

    /// <summary>Only check-web adds it; it sets Search:WebChecks:AllowHosts for this command line.</summary>
    public static readonly Option<string[]> AllowHost = Many("--allow-host", "本次可访问的内网或本机主机（Search:WebChecks:AllowHosts）", "HOST");

    /// <summary>A switch: present or not, it takes no value, so a word after it is never swallowed.</summary>
    public static Option<bool> Flag(string name, string description, bool recursive = false) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero, Recursive = recursive };

    public static Option<string> Text(string name, string description, string helpName, bool required = false) =>
        new(name) { Description = description, HelpName = helpName, Required = required };

    /// <summary>A repeatable option: `--url A --url B` and `--url A B` both collect A and B.</summary>
    public static Option<string[]> Many(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };

    public static Option<string> Framework(bool required) =>
        Text("--framework", "指标体系 id（见 frameworks list）", "ID", required);

    public static Option<int> Indicator() =>
        new("--indicator") { Description = "指标序号", HelpName = "N", Required = true };

    public static Option<int?> OptionalIndicator() =>
        new("--indicator") { Description = "指标序号", HelpName = "N" };

    /// <summary>A whole number with a default and a lower bound.</summary>
    public static Option<int> Number(string name, string description, int fallback, int minimum = 0) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return fallback;
                }
                var text = result.Tokens[^1].Value;
                if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name} 应为整数，而不是“{text}”。");
                }
                else if (value < minimum)
                {
                    result.AddError($"{name} 不能小于 {minimum}，而不是 {value}。");
                }
                return value;
            },
        };
}
