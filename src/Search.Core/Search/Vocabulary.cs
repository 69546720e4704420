namespace Search.Core.Search;

/// <summary>
/// Government vocabulary SmartCn splits or misses: domain terms, and synonym rules used at query time so a
/// query in one form finds documents in the other. Read from corpus/vocabulary and the data directory's
/// vocabulary folder (the user's additions), both optional.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, HashSet<string>> _expansions = new(StringComparer.Ordinal);

    public Vocabulary(IEnumerable<string> terms, IEnumerable<string> synonymLines)
    {
        Terms = terms.Select(t => t.Trim()).Where(t => t.Length >= 2 && !t.StartsWith('#')).Distinct().ToList();
        foreach (var raw in synonymLines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                // One-way: the left side also finds the right side.
                var from = Split(line[..arrow]);
                var to = Split(line[(arrow + 2)..]);
                foreach (var f in from)
                {
                    Add(f, to.Append(f));
                }
            }
            else
            {
                var group = Split(line);
                foreach (var g in group)
                {
                    Add(g, group);
                }
            }
        }
    }

    public static Vocabulary Empty { get; } = new([], []);

    public IReadOnlyList<string> Terms { get; }

    /// <summary>The word itself and every form it should also find.</summary>
    public IReadOnlyList<string> Expand(string word)
    {
        var key = Key(word);
        return _expansions.TryGetValue(key, out var forms) ? forms.Prepend(word).Distinct().ToList() : [word];
    }

    /// <summary>Loads terms.txt and synonyms.txt from each folder that exists, in order.</summary>
    public static Vocabulary Load(params string?[] folders)
    {
        var terms = new List<string>();
        var synonyms = new List<string>();
        foreach (var folder in folders.Where(f => f is not null && Directory.Exists(f)))
        {
            var t = Path.Combine(folder!, "terms.txt");
            var s = Path.Combine(folder!, "synonyms.txt");
            if (File.Exists(t))
            {
                terms.AddRange(File.ReadAllLines(t));
            }
            if (File.Exists(s))
            {
                synonyms.AddRange(File.ReadAllLines(s));
            }
        }
        return new Vocabulary(terms, synonyms);
    }

    private void Add(string from, IEnumerable<string> forms)
    {
        var key = Key(from);
        if (!_expansions.TryGetValue(key, out var set))
        {
            _expansions[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }
        set.UnionWith(forms);
    }

    private static List<string> Split(string text) =>
        text.Split([',', '，', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Key(string word) => Indexing.TextNormalizer.Normalize(word).Trim();
}
