namespace Search.Cli;

/// <summary>Parsed command line: positional words, repeated options (--name value) and flags (--json).</summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "json", "help", "force", "no-progress", "dry-run", "all", "rerank", "list", "tune-misses",
    };

    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                parsed.Positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=');
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!Flags.Contains(name))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException($"--{name} needs a value.");
                    }
                    value = args[++i];
                }
                if (!parsed._options.TryGetValue(name, out var list))
                {
                    parsed._options[name] = list = [];
                }
                list.Add(value ?? "true");
            }
            else if (arg == "-h")
            {
                parsed._options["help"] = ["true"];
            }
            else
            {
                parsed.Positional.Add(arg);
            }
        }
        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public int GetInt(string name, int fallback)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return fallback;
        }
        return int.TryParse(raw, out var n) && n >= 0 ? n : throw new CliUsageException($"--{name} must be a non-negative whole number, not '{raw}'.");
    }

    public bool Json => Has("json");

    public IEnumerable<string> OptionNames => _options.Keys;
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class CliUsageException(string message) : Exception(message);
