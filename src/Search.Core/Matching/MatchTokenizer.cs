using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Search.Core.Matching;

/// <summary>
/// Turns text into matching features: SmartCn words of two or more characters, domain terms found
/// verbatim, and CJK character bigrams (weaker) so that words SmartCn splits differently still meet.
/// </summary>
public sealed class MatchTokenizer
{
    /// <summary>Words every indicator and most documents share; they would only add noise to the similarity.</summary>
    private static readonly HashSet<string> StopWords =
    [
        "法治", "政府", "建设", "工作", "依法", "情况", "开展", "推进", "本级", "相关", "提供", "材料", "资料", "制度", "以来", "年度",
        "部门", "单位", "各级", "全面", "进一步", "加强", "完善", "落实", "健全", "实施", "有关", "要求", "规定", "文件", "通知",
        "关于", "印发", "我们", "一个", "以及", "进行", "推动", "做好", "强化", "坚持", "确保", "不断", "能够", "其中", "已经",
        "说明", "请提供", "本地区",
    ];

    /// <summary>The weight of one character pair against a word's 1.</summary>
    public const double BigramWeight = 0.35;
    private const double VocabularyWeight = 1.5;

    private readonly Analyzer _analyzer;
    private readonly IReadOnlyList<string> _vocabulary;
    private readonly HashSet<string> _terms;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _known;

    public MatchTokenizer(IEnumerable<string>? vocabulary = null)
    {
        _analyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
        _vocabulary = (vocabulary ?? []).Where(t => t.Length >= 2).Distinct().ToList();
        _terms = new HashSet<string>(_vocabulary, StringComparer.Ordinal);
    }

    private MatchTokenizer(MatchTokenizer source, IReadOnlyDictionary<string, IReadOnlyList<string>> known)
    {
        _analyzer = source._analyzer;
        _vocabulary = source._vocabulary;
        _terms = source._terms;
        _known = known;
    }

    /// <summary>
    /// The same tokenizer, told the analyser's words of some texts already (text → what <see cref="Words"/> would
    /// return), so those texts are not analysed again; any other text is analysed as usual.
    /// </summary>
    public MatchTokenizer WithKnownWords(IReadOnlyDictionary<string, IReadOnlyList<string>> known) => new(this, known);

    /// <summary>Weighted term frequencies of <paramref name="text"/>, scaled by <paramref name="weight"/>, added to <paramref name="into"/>.</summary>
    public void AddFeatures(string text, double weight, Dictionary<string, double> into) => AddFeatures(text, weight, into, null);

    /// <summary>
    /// The same, with the analyser's words of <paramref name="text"/> already known (<see cref="Words"/>), so a
    /// text made of pieces analysed before is not analysed again; terms and bigrams are still read from the text.
    /// </summary>
    public void AddFeatures(string text, double weight, Dictionary<string, double> into, IReadOnlyList<string>? words)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        text = Normalise(text);
        foreach (var word in words ?? Analyse(text))
        {
            if (word.Length >= 2 && !StopWords.Contains(word) && !IsNumber(word))
            {
                Add(into, word, weight);
            }
        }
        foreach (var term in _vocabulary)
        {
            if (text.Contains(term, StringComparison.Ordinal))
            {
                Add(into, term, weight * VocabularyWeight);
            }
        }
        foreach (var bigram in Bigrams(text))
        {
            Add(into, "§" + bigram, weight * BigramWeight);
        }
    }

    public Dictionary<string, double> Features(string text, double weight = 1.0)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        AddFeatures(text, weight, features);
        return features;
    }

    /// <summary>True for features that are words a reviewer can read in a reason (not bigrams).</summary>
    public static bool IsWord(string feature) => !feature.StartsWith('§');

    /// <summary>The analyser's words of a text, before stop words and weights; a line end is always a boundary.</summary>
    public IReadOnlyList<string> Words(string text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : _known is not null && _known.TryGetValue(text, out var words) ? words
        : Analyse(Normalise(text));

    /// <summary>
    /// The words a short subject is made of: the domain terms in it first (行政诉讼, 会前学法 stay whole), then the
    /// analyser's words of two or more characters of what is left. Numbers and single characters are not words.
    /// </summary>
    public IReadOnlyList<string> SubjectWords(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var rest = Normalise(text);
        var words = new List<string>();
        foreach (var term in _vocabulary.OrderByDescending(t => t.Length))
        {
            if (rest.Contains(term, StringComparison.Ordinal))
            {
                words.Add(term);
                rest = rest.Replace(term, "　", StringComparison.Ordinal);
            }
        }
        words.AddRange(Analyse(rest).Where(w => w.Length >= 2 && !IsNumber(w)));
        return words.Distinct().ToList();
    }

    /// <summary>True for a domain term of the vocabulary.</summary>
    public bool IsTerm(string word) => _terms.Contains(word);

    private List<string> Analyse(string text)
    {
        using var stream = _analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var words = new List<string>();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }

    private static IEnumerable<string> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsCjk(text[i]) && IsCjk(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    private static bool IsCjk(char c) => c >= '\u4e00' && c <= '\u9fff';

    private static bool IsNumber(string word) => word.All(c => char.IsDigit(c) || c == '.');

    private static void Add(Dictionary<string, double> into, string key, double weight) =>
        into[key] = into.GetValueOrDefault(key) + weight;

    /// <summary>Full-width forms to half-width, so ＡＢＣ１２３ and ABC123 are one feature.</summary>
    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC);
}
