using System.Text;
using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// Parses the reviewers' query language: plain words (all must match, best first), "exact phrases",
/// AND / OR / NOT and -word, and field filters (department: type: year: indicator: framework: from: to:).
/// Errors are <see cref="QuerySyntaxException"/> with a message that says how to fix the query.
/// </summary>
public static class QueryLanguageParser
{
    public static readonly string[] FilterFields = ["department", "dept", "部门", "type", "类型", "year", "年份", "indicator", "指标", "framework", "体系", "from", "to"];

    public static ParsedQuery Parse(string? query)
    {
        var parsed = new ParsedQuery();
        var tokens = Tokenize(TextNormalizer.Normalize(query ?? ""));
        var pendingOr = false;
        var negateNext = false;
        foreach (var (text, quoted) in tokens)
        {
            if (!quoted && text == "AND")
            {
                if (parsed.Required.Count == 0)
                {
                    throw new QuerySyntaxException("AND 前面缺少检索词。示例：行政复议 AND 决定书");
                }
                continue;
            }
            if (!quoted && text == "OR")
            {
                if (parsed.Required.Count == 0 || pendingOr)
                {
                    throw new QuerySyntaxException("OR 前面缺少检索词。示例：复议 OR 诉讼");
                }
                pendingOr = true;
                continue;
            }
            if (!quoted && text == "NOT")
            {
                negateNext = true;
                continue;
            }

            var word = text;
            var negated = negateNext;
            negateNext = false;
            if (!quoted && word.Length > 1 && word[0] == '-')
            {
                negated = true;
                word = word[1..];
            }
            else if (!quoted && word.Length > 1 && word[0] == '+')
            {
                word = word[1..];
            }

            if (!quoted && TrySplitFilter(word, out var field, out var value))
            {
                var target = negated ? parsed.ExcludedFilters : parsed.Filters;
                if (!target.TryGetValue(field, out var values))
                {
                    target[field] = values = [];
                }
                values.Add(value);
                continue;
            }
            if (!HasSearchableCharacter(word))
            {
                // Punctuation alone ("、", "——") finds nothing useful: ignore it.
                continue;
            }
            if (negated)
            {
                if (pendingOr)
                {
                    throw new QuerySyntaxException("OR 后面不能直接跟排除词。");
                }
                parsed.Excluded.Add(word);
            }
            else if (pendingOr)
            {
                parsed.Required[^1].Add(word);
                pendingOr = false;
            }
            else
            {
                parsed.Required.Add([word]);
            }
        }
        if (pendingOr)
        {
            throw new QuerySyntaxException("OR 后面缺少检索词。示例：复议 OR 诉讼");
        }
        if (negateNext)
        {
            throw new QuerySyntaxException("NOT 后面缺少要排除的词。示例：行政复议 NOT 诉讼");
        }
        return parsed;
    }

    private static bool TrySplitFilter(string word, out string field, out string value)
    {
        field = value = "";
        var colon = word.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        var name = word[..colon].ToLowerInvariant();
        if (!FilterFields.Contains(name))
        {
            return false;
        }
        field = name switch
        {
            "dept" or "部门" => "department",
            "类型" => "type",
            "年份" => "year",
            "指标" => "indicator",
            "体系" => "framework",
            _ => name,
        };
        value = word[(colon + 1)..].Trim('"');
        if (value.Length == 0)
        {
            throw new QuerySyntaxException($"{name}: 后面缺少值。示例：department:区司法局 或 year:2022");
        }
        return true;
    }

    private static bool HasSearchableCharacter(string word) =>
        word.Any(c => char.IsLetterOrDigit(c) || CjkBigramTokenizer.IsCjk(c));

    private static List<(string Text, bool Quoted)> Tokenize(string query)
    {
        var tokens = new List<(string, bool)>();
        var current = new StringBuilder();
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c is '"' or '“' or '”')
            {
                var prefix = current.ToString();
                current.Clear();
                var end = query.IndexOfAny(['"', '”', '“'], i + 1);
                if (end < 0)
                {
                    throw new QuerySyntaxException("引号未闭合：短语要用一对英文或中文引号括起来，例如 \"行政执法三项制度\"。");
                }
                var phrase = query[(i + 1)..end].Trim();
                i = end;
                if (prefix.EndsWith(':'))
                {
                    tokens.Add((prefix + phrase, false));
                }
                else
                {
                    if (prefix.Length > 0 && prefix != "-")
                    {
                        tokens.Add((prefix, false));
                    }
                    if (phrase.Length > 0)
                    {
                        tokens.Add((prefix == "-" ? "-" + phrase : phrase, prefix != "-"));
                    }
                }
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    tokens.Add((current.ToString(), false));
                    current.Clear();
                }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            tokens.Add((current.ToString(), false));
        }
        return tokens;
    }
}
