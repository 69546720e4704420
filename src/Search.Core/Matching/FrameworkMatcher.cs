namespace Search.Core.Matching;

/// <summary>
/// Scores texts against the indicators of one framework: tf-idf cosine between the text and a profile
/// built from each indicator's own words, its material checklist, explanation items and section title,
/// plus path hints and the documents reviewers confirmed.
/// </summary>
public sealed class FrameworkMatcher
{
    private const double TextWeight = 2.0;
    private const double MaterialWeight = 1.5;
    private const double ExplanationWeight = 1.0;
    private const double GroupWeight = 0.8;
    private const double SectionWeight = 0.5;
    private const double TitleWeight = 2.0;

    private readonly MatchTokenizer _tokenizer;
    private readonly Dictionary<string, double> _idf;
    private readonly double _unknownIdf;
    private readonly Dictionary<int, Profile> _profiles;
    private readonly ProfilePostings _postings;
    private readonly ItemCoverage _coverage;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<(string Title, SparseVector Vector)>> _examples;

    public FrameworkMatcher(string frameworkId, IReadOnlyList<IndicatorProfileInput> indicators, MatchTokenizer tokenizer, MatcherSettings? settings = null)
    {
        FrameworkId = frameworkId;
        Settings = settings ?? MatcherSettings.Default;
        _tokenizer = tokenizer;

        var raw = indicators.ToDictionary(i => i.Number, RawFeatures);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var features in raw.Values)
        {
            foreach (var key in features.Keys)
            {
                df[key] = df.GetValueOrDefault(key) + 1;
            }
        }
        var n = Math.Max(1, indicators.Count);
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + (double)n / kv.Value), StringComparer.Ordinal);
        _unknownIdf = Math.Log(1.0 + n);

        _profiles = indicators.ToDictionary(
            i => i.Number,
            i => new Profile(
                i,
                Weigh(raw[i.Number]),
                i.MaterialItems.Select(item => Weigh(_tokenizer.Features(item))).ToList(),
                i.MaterialItems.Select(item => new ItemKind(MaterialKind.KindsOf(item), MaterialKind.Subject(item), Coverage.TimeWindow.Parse(item))).ToList(),
                MaterialKind.VerbsOf(i.Text),
                Weigh(_tokenizer.Features(i.Text))));
        _postings = new ProfilePostings(_profiles.Select(p => (p.Key, p.Value.Vector)).ToList(), _idf, _unknownIdf);
        _coverage = new ItemCoverage(_profiles.Select(p => (p.Key, p.Value.TextVector, p.Value.Items)));
        _examples = new Dictionary<int, IReadOnlyList<(string Title, SparseVector Vector)>>();
    }

    /// <summary>A copy that shares the profiles (they never change) and carries its own examples.</summary>
    private FrameworkMatcher(FrameworkMatcher source, IReadOnlyDictionary<int, IReadOnlyList<(string Title, SparseVector Vector)>> examples)
    {
        FrameworkId = source.FrameworkId;
        Settings = source.Settings;
        _tokenizer = source._tokenizer;
        _idf = source._idf;
        _unknownIdf = source._unknownIdf;
        _profiles = source._profiles;
        _postings = source._postings;
        _coverage = source._coverage;
        _examples = examples;
    }

    public string FrameworkId { get; }

    public MatcherSettings Settings { get; }

    public IReadOnlyCollection<int> Numbers => _profiles.Keys;

    /// <summary>
    /// A matcher like this one that also knows the documents reviewers confirmed per indicator: texts like them
    /// rank that indicator higher. Matchers never change once built, so threads can score with one while a new one is made.
    /// </summary>
    public FrameworkMatcher WithExamples(IReadOnlyDictionary<int, IReadOnlyList<(string Title, string Text)>> examples) =>
        new(this, examples.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<(string Title, SparseVector Vector)>)kv.Value.Select(e => (e.Title, Vectorise(e.Title, e.Text))).ToList()));

    public bool HasExamples => _examples.Count > 0;

    /// <summary>The tf-idf vector of a document: title counted double.</summary>
    public SparseVector Vectorise(string title, string text) => Weigh(RawDocumentFeatures(_tokenizer, title, text));

    /// <summary>The tf-idf vector of an already tokenised document.</summary>
    public SparseVector Vectorise(PreparedInput input) => Weigh(input.Whole);

    /// <summary>
    /// Tokenises a document once, so that every framework's matcher can weigh the same features. The head is
    /// the first passages joined by line ends, so the analyser's words of the passages it holds whole are
    /// reused for it instead of analysing the same text twice.
    /// </summary>
    public static PreparedInput Prepare(MatchTokenizer tokenizer, MatchInput input)
    {
        var passages = (input.Passages ?? []).Count > 1 ? input.Passages! : [];
        var passageWords = passages.Select(tokenizer.Words).ToList();
        var passageFeatures = passages.Select((p, i) =>
        {
            var features = new Dictionary<string, double>(StringComparer.Ordinal);
            tokenizer.AddFeatures(p, 1.0, features, passageWords[i]);
            return features;
        }).ToList();

        var text = input.Text;
        var headWords = new List<string>();
        var used = 0;
        for (var i = 0; i < passages.Count && used < text.Length; i++)
        {
            var p = passages[i];
            var end = used + p.Length;
            if (end > text.Length || string.CompareOrdinal(text, used, p, 0, p.Length) != 0 || (end < text.Length && text[end] != '\n'))
            {
                break;
            }
            headWords.AddRange(passageWords[i]);
            used = end + 1;
        }
        if (used < text.Length)
        {
            headWords.AddRange(tokenizer.Words(text[used..]));
        }
        var whole = new Dictionary<string, double>(StringComparer.Ordinal);
        tokenizer.AddFeatures(input.Title, TitleWeight, whole);
        tokenizer.AddFeatures(text, 1.0, whole, headWords);
        return new(whole, passageFeatures.Where(f => f.Count > 0).ToList(), input.Hints ?? [], tokenizer.Features(input.Title), input.Title, input.Date,
            MaterialKind.FirstSentence(text));
    }

    private static Dictionary<string, double> RawDocumentFeatures(MatchTokenizer tokenizer, string title, string text)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        tokenizer.AddFeatures(title, TitleWeight, features);
        tokenizer.AddFeatures(text, 1.0, features);
        return features;
    }

    /// <summary>All indicators scoring at least the threshold, best first, at most <paramref name="top"/>.</summary>
    public IReadOnlyList<IndicatorMatch> Match(MatchInput input, int top = 5) => Match(Prepare(_tokenizer, input), top);

    public IReadOnlyList<IndicatorMatch> Match(PreparedInput input, int top = 5) => Ranked(input, top).Select(Explained).ToList();

    private IndicatorMatch Explained(Scored s) => new(s.Number, Math.Round(s.Score, 4), Explain(s));

    /// <summary>The indicators scoring at least the threshold, best first, at most <paramref name="top"/>, not yet explained.</summary>
    private List<Scored> Ranked(PreparedInput input, int top)
    {
        var threshold = ThresholdFor(input);
        return Score(input).Where(s => s.Score >= threshold)
            .OrderByDescending(s => s.Score)
            .Take(top)
            .ToList();
    }

    /// <summary>
    /// The score an indicator needs to be reported for this text. A text most of whose character pairs the framework's
    /// own words use is about this field's work (a 述法 meeting, a 地质灾害隐患排查) and is heard from a lower score;
    /// a weather report or a tourism figure, which shares a few words by chance, needs the full threshold.
    /// </summary>
    public double ThresholdFor(PreparedInput input) =>
        DomainShare(input) >= Settings.DomainShare ? Math.Min(Settings.LowThreshold, Settings.Threshold) : Settings.Threshold;

    /// <summary>
    /// The share of the text's character pairs (by weight, title included) that the framework's profiles use; 0 for a text
    /// of fewer than <see cref="MatcherSettings.DomainMinPairs"/> pairs, whose share says little (a caption, a headline).
    /// </summary>
    public double DomainShare(PreparedInput input)
    {
        double known = 0, all = 0;
        foreach (var (feature, weight) in input.Whole)
        {
            if (MatchTokenizer.IsWord(feature))
            {
                continue;
            }
            all += weight;
            if (_idf.ContainsKey(feature))
            {
                known += weight;
            }
        }
        return all < Settings.DomainMinPairs * MatchTokenizer.BigramWeight ? 0 : known / all;
    }

    /// <summary>Every indicator's raw score, thresholds not applied (for suggestions and evaluation).</summary>
    public IReadOnlyList<(int Number, double Score)> ScoreAll(MatchInput input) => ScoreAll(Prepare(_tokenizer, input));

    public IReadOnlyList<(int Number, double Score)> ScoreAll(PreparedInput input) =>
        Score(input).Select(s => (s.Number, s.Score)).OrderByDescending(s => s.Score).ToList();

    /// <summary>The indicators to assign to a document in the index: above the threshold and near the best.</summary>
    public IReadOnlyList<IndicatorMatch> Assign(MatchInput input) => Assign(Prepare(_tokenizer, input));

    public IReadOnlyList<IndicatorMatch> Assign(PreparedInput input)
    {
        // Only the indicators kept are explained: reasons cost more than scores.
        var ranked = Ranked(input, Settings.MaxAssigned);
        if (ranked.Count == 0)
        {
            return [];
        }
        var best = Math.Round(ranked[0].Score, 4);
        return ranked.Where(s => Math.Round(s.Score, 4) >= best * Settings.RelativeToBest).Select(Explained).ToList();
    }

    /// <summary>How well a document satisfies each material item of an indicator (same order as the checklist).</summary>
    public IReadOnlyList<double> ItemScores(int number, SparseVector document) =>
        _profiles.TryGetValue(number, out var p) ? p.Items.Select(document.Cosine).ToList() : [];

    private List<Scored> Score(PreparedInput input)
    {
        // Only the vectors a reported indicator is explained by, or compared with examples, are ever weighed whole.
        var whole = new Lazy<SparseVector>(() => Weigh(input.Whole), LazyThreadSafetyMode.None);
        var passages = input.Passages.Select(p => new Lazy<SparseVector>(() => Weigh(p), LazyThreadSafetyMode.None)).ToList();
        var hints = input.Hints;
        var titleVector = input.Title is { Count: > 0 } t ? Weigh(t) : null;
        var titleText = input.TitleText ?? "";
        var titleKind = MaterialKind.TitleKind(titleText);
        var titleSubject = MaterialKind.Subject(titleText);
        // What the text does: the title says it, or, where the title names no act (a news headline, no title at all),
        // the first sentence does (…为公务员任职培训班专题授课).
        var titleVerbs = MaterialKind.VerbsOf(titleText);
        var verbsFromLead = titleVerbs.Count == 0;
        if (verbsFromLead)
        {
            titleVerbs = MaterialKind.VerbsOf(input.Lead ?? "");
        }
        var titleSubjectLength = titleSubject.Count(c => c >= '\u4e00' && c <= '\u9fff');
        var result = new List<Scored>(_profiles.Count);
        // Cosines through the inverted profile index: one pass per vector instead of one per vector and indicator.
        var wholeScores = _postings.Cosines(input.Whole);
        var passageScores = input.Passages.Select(_postings.Cosines).ToList();
        var shares = _coverage.Shares(input.Whole);
        foreach (var (number, profile) in _profiles)
        {
            var slot = _postings.Slot(number);
            var score = wholeScores[slot];
            var bestVector = whole;
            for (var p = 0; p < passages.Count; p++)
            {
                var s = passageScores[p][slot] * Settings.PassageFactor;
                if (s > score)
                {
                    score = s;
                    bestVector = passages[p];
                }
            }
            // How much of what one material item (or the indicator's own text) asks for the text holds.
            var covered = _coverage.Best(number, shares);
            var coverage = covered.Share > Settings.CoverageFloor ? (covered.Share - Settings.CoverageFloor) / (1 - Settings.CoverageFloor) : 0;
            score += Settings.CoverageWeight * coverage;
            string? example = null;
            if (_examples.TryGetValue(number, out var examples) && examples.Count > 0)
            {
                var (title, similarity) = examples.Select(e => (e.Title, whole.Value.Cosine(e.Vector))).MaxBy(e => e.Item2);
                if (similarity > 0.3)
                {
                    score += Settings.ExampleWeight * similarity;
                    example = title;
                }
            }
            // A title that says what a material item asks for ("…政府信息公开工作年度报告") puts that indicator first
            // among the many a long report touches.
            (int Index, double Similarity)? titleItem = null;
            if (titleVector is not null && profile.Items.Count > 0)
            {
                var best = profile.Items.Select((v, i) => (Index: i, Similarity: titleVector.Cosine(v))).MaxBy(x => x.Similarity);
                if (best.Similarity >= Settings.TitleItemThreshold)
                {
                    score += Settings.TitleItemWeight * best.Similarity;
                    titleItem = best;
                }
            }
            // What the title is (a 报告, a 清单…) set against what each material item asks for, on the same subject and in its period.
            (int Index, double Fit)? kindItem = null;
            if (titleKind is not null)
            {
                for (var i = 0; i < profile.Kinds.Count; i++)
                {
                    var item = profile.Kinds[i];
                    if (!item.Kinds.Contains(titleKind) || item.Window?.Contains(input.Date) == false)
                    {
                        continue;
                    }
                    // The shared run must be a real part of what the title is about, not a domain word (行政执法) in a long title;
                    // the whole subject (法治政府建设情况, 8 characters) counts much more than part of it (法治政府建设).
                    var run = MaterialKind.CommonRun(titleSubject, item.Subject);
                    var fit = run < MinSubjectRun || run < titleSubjectLength * MinSubjectShare ? 0 : Math.Pow(Math.Min(1.0, run / 8.0), 2);
                    if (fit > (kindItem?.Fit ?? 0))
                    {
                        kindItem = (i, fit);
                    }
                }
                if (kindItem is { } k)
                {
                    score += Settings.KindWeight * k.Fit;
                }
            }
            var verbs = titleVerbs.Where(profile.Verbs.Contains).ToList();
            if (verbs.Count > 0 && score >= Settings.HintSupport)
            {
                score += Settings.VerbWeight * Math.Min(1.0, verbs.Count / 2.0);
            }
            var hinted = hints.Contains(number) && score >= Settings.HintSupport;
            if (hinted)
            {
                score += Settings.HintBonus;
            }
            result.Add(new Scored(number, score, profile, bestVector, hinted, example, titleItem?.Index, kindItem is { } ki ? (ki.Index, titleKind!) : null, verbs, input.Date,
                coverage > 0 && Settings.CoverageWeight > 0 ? covered : null, verbsFromLead));
        }
        return result;
    }

    private List<string> Explain(Scored s)
    {
        var reasons = new List<string>();
        var vector = s.Vector.Value;
        var words = vector.SharedWith(s.Profile.Vector, MatchTokenizer.IsWord)
            .Take(5)
            .Select(x => x.Feature)
            .ToList();
        if (words.Count > 0)
        {
            reasons.Add($"指标用语：{string.Join("、", words)}");
        }
        var items = s.Profile.Input.MaterialItems;
        if (items.Count > 0)
        {
            var (index, similarity) = s.Profile.Items.Select((v, i) => (i, vector.Cosine(v))).MaxBy(x => x.Item2);
            if (similarity >= Settings.ItemThreshold)
            {
                reasons.Add($"对应材料第{index + 1}项：{Shorten(items[index], 40)}");
            }
        }
        if (s.Covered is { } covered)
        {
            var percent = (int)Math.Round(covered.Share * 100);
            reasons.Add(covered.Item is { } item
                ? $"材料第{item + 1}项的用语本文占{percent}%：{Shorten(items[item], 40)}"
                : $"指标原文的用语本文占{percent}%");
        }
        if (s.TitleItem is { } titleItem)
        {
            reasons.Add($"标题与材料第{titleItem + 1}项相符：{Shorten(items[titleItem], 40)}");
        }
        if (s.KindItem is { } kind)
        {
            var window = s.Profile.Kinds[kind.Index].Window;
            reasons.Add(window is not null && s.Date is { } date
                ? $"标题所示的{kind.Kind}正是材料第{kind.Index + 1}项所要，日期{date:yyyy-MM-dd}在“{window.Text}”之内：{Shorten(items[kind.Index], 40)}"
                : $"标题所示的{kind.Kind}正是材料第{kind.Index + 1}项所要：{Shorten(items[kind.Index], 40)}");
        }
        if (s.Verbs.Count > 0)
        {
            reasons.Add($"{(s.VerbsFromLead ? "首句" : "标题")}的做法与指标一致：{string.Join("、", s.Verbs)}");
        }
        if (s.Hinted)
        {
            reasons.Add($"路径或文件名标明指标{s.Number}");
        }
        if (s.Example is not null)
        {
            reasons.Add($"与已确认的佐证“{Shorten(s.Example, 30)}”相似");
        }
        if (reasons.Count == 0)
        {
            reasons.Add("与指标内容的用语相近");
        }
        return reasons;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private Dictionary<string, double> RawFeatures(IndicatorProfileInput i)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        _tokenizer.AddFeatures(i.Text, TextWeight, features);
        foreach (var item in i.MaterialItems)
        {
            _tokenizer.AddFeatures(item, MaterialWeight, features);
        }
        foreach (var item in i.Explanation)
        {
            _tokenizer.AddFeatures(item, ExplanationWeight, features);
        }
        _tokenizer.AddFeatures(i.Group ?? "", GroupWeight, features);
        _tokenizer.AddFeatures(i.SectionTitle ?? "", SectionWeight, features);
        return features;
    }

    /// <summary>Sublinear term frequency times idf; features no indicator uses get the highest idf, which lowers unrelated texts' scores.</summary>
    private SparseVector Weigh(IReadOnlyDictionary<string, double> features) =>
        new(features.ToDictionary(
            kv => kv.Key,
            kv => ProfilePostings.Weight(kv.Value, _idf.GetValueOrDefault(kv.Key, _unknownIdf)),
            StringComparer.Ordinal));

    /// <summary>A title shares at least this many Chinese characters in a row with a material item before its type counts.</summary>
    private const int MinSubjectRun = 6;

    /// <summary>…and that run is at least this share of the Chinese characters of the title's subject.</summary>
    private const double MinSubjectShare = 0.4;

    private sealed record ItemKind(IReadOnlySet<string> Kinds, string Subject, Coverage.TimeWindow? Window);

    private sealed record Profile(
        IndicatorProfileInput Input, SparseVector Vector, IReadOnlyList<SparseVector> Items, IReadOnlyList<ItemKind> Kinds, IReadOnlyList<string> Verbs,
        SparseVector TextVector);

    private sealed record Scored(
        int Number, double Score, Profile Profile, Lazy<SparseVector> Vector, bool Hinted, string? Example, int? TitleItem,
        (int Index, string Kind)? KindItem, IReadOnlyList<string> Verbs, DateOnly? Date, (int? Item, double Share)? Covered, bool VerbsFromLead);
}
