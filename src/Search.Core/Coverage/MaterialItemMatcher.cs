using Search.Core.Matching;

namespace Search.Core.Coverage;

/// <summary>
/// Decides whether a document really is what one material item asks for: its form fits the item's words, its
/// title (or, for a short specific text, its text) is about the item's subject, and its own date lies in the
/// item's period. Words every item of the framework uses (行政, 工作) weigh little; the words that set an item
/// apart (联席会议, 惩罚性赔偿) decide. Pure: it reads documents and writes nothing.
/// </summary>
public sealed partial class MaterialItemMatcher
{
    /// <summary>Share of the item's weighted subject pairs a document's title and file name must hold.</summary>
    public const double NameShare = 0.5;

    /// <summary>Share its text must hold when the name holds less (but at least <see cref="NameSupport"/>).</summary>
    public const double TextShare = 0.8;

    public const double NameSupport = 0.25;

    /// <summary>
    /// Share its text must hold when the document already is the specific form the item asks for (a 简报, an 审查意见, a 台账),
    /// and its name shares at least something of the subject: a headline about another matter (常务会议会前学法) is that
    /// matter's news, however much its text says of the law studied.
    /// </summary>
    public const double FormTextShare = 0.75;

    /// <summary>…or, for such a document, this share of its name and <see cref="FormTextSupport"/> of its text.</summary>
    public const double FormNameSupport = 0.2;

    public const double FormTextSupport = 0.45;

    /// <summary>Share of the item's subject words (SmartCn words and domain terms, not character pairs) its name holds that makes it about the item on its own.</summary>
    public const double WordNameShare = 0.75;

    /// <summary>Share of the item's subject words its title and text must hold in any case: pairs of characters shared by chance (行政/复议 against 行政/诉讼) do not make a subject.</summary>
    public const double WordTextShare = 0.5;

    /// <summary>
    /// Words of an item's sentence that say nothing of its subject; among them the verbs of carrying a matter out or
    /// sending it (开展…清理, 公布网址, 各单位报送的…报告), which say how the material came about, not what it is about.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = ["经过", "形式", "具体", "其他", "相关", "有关", "以及", "各类", "各项", "方面", "等等", "开展", "公布", "公开", "建立", "报送", "出台"];

    /// <summary>Forms specific enough that a document of that form, whose text is on the subject, is the item even if its title is terse.</summary>
    private static readonly HashSet<string> SpecificForms =
        [EvidenceForm.Opinion, EvidenceForm.News, EvidenceForm.Case, EvidenceForm.Ledger, EvidenceForm.List, EvidenceForm.CaseFile, EvidenceForm.Template, EvidenceForm.Minutes];

    private readonly Dictionary<string, double> _weights;
    private readonly double _unknownWeight;
    private readonly Dictionary<string, double> _wordWeights;
    private readonly Dictionary<string, SubjectWords> _itemWords = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<string>> _expand;

    /// <summary>
    /// An item's subject as words, and the domain terms among them (行政诉讼, 会前学法), which a document must name;
    /// and the words and character pairs of each separate request it bundles.
    /// </summary>
    private sealed record SubjectWords(IReadOnlyList<string> Words, IReadOnlyList<string> Terms)
    {
        public IReadOnlyList<(IReadOnlyList<string> Words, IReadOnlyList<string> Bigrams, IReadOnlyList<string> Head, IReadOnlySet<string> Forms)> Alternatives { get; init; } = [];

        /// <summary>The words of each thing the material must concern (涉及…的); a document must hold all words of one of them.</summary>
        public IReadOnlyList<IReadOnlyList<string>> Concerning { get; init; } = [];

        /// <summary>
        /// What the item's subject is, its last word (突发事件应急管理培训 → 培训; the words before say of what), when it asks one
        /// thing and that word says more than a kind of material or who provides it; null otherwise.
        /// </summary>
        public string? Head { get; init; }

        /// <summary>The words a document's name must hold to be about the item: its words less those that only say a kind of material.</summary>
        public IReadOnlyList<string> NameWords { get; init; } = [];

        /// <summary>The item asks for a draft or a call for comments (送审稿, 征求意见): a draft is not refused.</summary>
        public bool AsksDraft { get; init; }

        /// <summary>The item asks for a list of materials itself (需要提供的材料清单).</summary>
        public bool AsksMaterialsList { get; init; }

        /// <summary>The item opens with the units below the 区 it asks of (乡镇、政府部门…; 各乡镇、各部门…).</summary>
        public bool OfUnitsBelow { get; init; }
    }

    /// <summary>Words of an item that ask for every unit's material (政府各部门会前学法制度, 各单位报送的…年度报告): one unit's own stands for it.</summary>
    private static readonly string[] EveryUnitWords = ["政府各部门", "各部门", "各单位"];

    /// <summary>
    /// Words that say only what kind of material is asked (相关宣传报道, 工作情况的说明, 佐证资料), not what it is about: an item
    /// with no other subject cannot be told from a document, and none of them is what an item's subject is.
    /// </summary>
    private static readonly HashSet<string> KindWords = ["宣传", "报道", "信息", "工作", "资料", "材料", "情况", "活动", "相关", "典型", "做法", "说明", "佐证", "全套"];
    /// <summary>Words that name who provides (区政府、政府各部门、各乡镇…), not what: a part of an item made of them, or of one word besides (登记受理表), is no request of its own.</summary>
    private static readonly HashSet<string> UnitWords = ["政府", "部门", "单位", "乡镇", "区政府", "各级", "本级", "所属"];

    /// <param name="items">Every material item of the framework: a pair they all share says little about any one.</param>
    /// <param name="documents">The documents matched: a pair most of their names share (the county's name, 关于) says nothing either.</param>
    /// <param name="expand">A word and the forms a document may use for it (会前学法: 会前学习), from the domain vocabulary's synonyms.</param>
    public MaterialItemMatcher(IEnumerable<MaterialRequirement> items, MatchTokenizer tokenizer, IReadOnlyCollection<EvidenceDocument>? documents = null,
        Func<string, IReadOnlyList<string>>? expand = null)
    {
        // A shorter form inside the word (应诉 in 行政应诉, 复议 in 行政复议) would also be found inside other words (出庭应诉): only forms that are not part of it stand for it.
        _expand = expand is null ? w => [w] : w => expand(w).Where(f => f == w || !w.Contains(f, StringComparison.Ordinal)).ToList();
        var all = items.ToList();
        foreach (var item in all)
        {
            var words = item.Segments.SelectMany(InOrder).Where(w => !FunctionWords.Contains(w)).Distinct().ToList();
            var alternatives = item.Alternatives
                .Select(a => ((IReadOnlyList<string>)a.Segments.SelectMany(InOrder).Where(w => !FunctionWords.Contains(w)).Distinct().ToList(),
                    (IReadOnlyList<string>)a.Segments.SelectMany(MaterialRequirement.BigramsOf).Distinct().ToList(),
                    (IReadOnlyList<string>)MaterialRequirement.BigramsOf(a.Segments[^1]).Distinct().ToList(), a.Forms))
                .Where(a => a.Item1.Count(w => !KindWords.Contains(w) && !UnitWords.Contains(w)) >= 2)
                .ToList();
            // Only an item that asks one thing has one head: in a list (通知、成绩单; 总体应急预案、各类专项应急预案) each part has its own.
            var last = item.Segments.Count == 0 || item.Alternatives.Count >= 2 ? null : InOrder(item.Segments[^1]).LastOrDefault();
            _itemWords[item.Item] = new SubjectWords(words, words.Where(tokenizer.IsTerm).ToList())
            {
                Alternatives = alternatives.Count >= 2 ? alternatives : [],
                Concerning = item.Concerning
                    .Select(c => (IReadOnlyList<string>)InOrder(c).Where(w => !SaysNoSubject(w)).ToList())
                    .Where(c => c.Count > 0)
                    .ToList(),
                Head = last is null || SaysNoSubject(last) ? null : last,
                NameWords = words.Where(w => !KindWords.Contains(w)).ToList(),
                AsksDraft = EvidenceDocument.DraftWords.Append("征求意见").Append("送审").Any(w => item.Item.Contains(w, StringComparison.Ordinal)),
                AsksMaterialsList = EvidenceDocument.MaterialsList().IsMatch(item.Item),
                OfUnitsBelow = BelowUnitsFirst().IsMatch(item.Item),
            };
        }
        var wordDf = new Dictionary<string, int>(StringComparer.Ordinal);

        // A segment's words in the order it says them (the tokenizer gives domain terms first): what comes last is what it is.
        IEnumerable<string> InOrder(string segment) =>
            tokenizer.SubjectWords(segment).Select((w, i) => (w, i)).OrderBy(x => segment.IndexOf(x.w, StringComparison.Ordinal) is var at and >= 0 ? at : segment.Length + x.i).Select(x => x.w);
        foreach (var word in _itemWords.Values.SelectMany(w => w.Words))
        {
            wordDf[word] = wordDf.GetValueOrDefault(word) + 1;
        }
        _wordWeights = wordDf.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + Math.Max(1, all.Count) / (double)kv.Value), StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bigram in all.SelectMany(r => r.Bigrams))
        {
            df[bigram] = df.GetValueOrDefault(bigram) + 1;
        }
        var n = Math.Max(1, all.Count);
        _weights = df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + n / (double)kv.Value), StringComparer.Ordinal);
        _unknownWeight = Math.Log(1.0 + n);
        if (documents is { Count: >= 5 })
        {
            var inNames = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var bigram in documents.SelectMany(d => d.NameBigrams))
            {
                inNames[bigram] = inNames.GetValueOrDefault(bigram) + 1;
            }
            foreach (var (bigram, count) in inNames)
            {
                var share = count / (double)documents.Count;
                if (share > 0.3)
                {
                    _weights[bigram] = _weights.GetValueOrDefault(bigram, _unknownWeight) * (1.0 - share);
                }
            }
        }
    }

    public ItemFit Fit(MaterialRequirement item, EvidenceDocument document)
    {
        if (item.Bigrams.Count == 0)
        {
            return ItemFit.No;
        }
        var form = item.AnyForm ? document.Forms.FirstOrDefault() ?? "" : item.Forms.FirstOrDefault(document.Forms.Contains);
        var subject = _itemWords.GetValueOrDefault(item.Item) ?? new SubjectWords([], []);
        if (document.IsDraft && !subject.AsksDraft)
        {
            return ItemFit.No;
        }
        if (form is null || (form == EvidenceForm.Policy && !EvidenceForm.PolicyFits(item.HeadWords, document.TitleWord)))
        {
            return ItemFit.No;
        }
        if (item.CarriedList is { } list && !document.Forms.Contains(EvidenceForm.List) && !document.Name.Contains(list, StringComparison.Ordinal))
        {
            return ItemFit.No;
        }
        // A list of the materials to hand in (送审材料清单, 申报资料目录) is a checklist: it lists no documents, cases or matters,
        // so it is none of the lists an item asks for, unless the item asks for such a list itself.
        if (form == EvidenceForm.List && document.IsMaterialsList && !subject.AsksMaterialsList)
        {
            return ItemFit.No;
        }
        if (subject.Words.All(KindWords.Contains))
        {
            return ItemFit.No;
        }
        var ownName = NameOf(item, document);
        // An item that opens with the units it asks of (乡镇、政府部门…制定的目录; 各乡镇、各部门提供…) wants their own material: a
        // document whose name names no such unit (the 区政府's own 目录, issued by the 区政府办公室) is not it.
        if (subject.OfUnitsBelow && !document.UnitsNamed.Any(u => !u.EndsWith("政府办公室", StringComparison.Ordinal)))
        {
            return ItemFit.No;
        }
        var nameBigrams = ownName.Length == document.Name.Length ? document.NameBigrams
            : document.NameBigrams.Union(MaterialRequirement.BigramsOf(ownName)).ToHashSet(StringComparer.Ordinal);
        var name = Share(item.Bigrams, nameBigrams);
        var text = Share(item.Bigrams, document.OwnTextBigrams);
        var words = subject.Words;
        // A name need not say the words that only tell what kind of material is asked (统计年报 for 行政执法情况报告: 情况, 工作, 资料);
        // its form says that. The text must still hold them.
        var nameWords = WordShare(subject.NameWords, ownName);
        var textWords = WordShare(words, ownName + "　" + document.OwnText);
        // Of an item that bundles separate requests, a document whose name is one of them, in the form that one asks for, is about the item
        // when its text is about the whole: a notice on the 公平竞争审查 联席会议 is not the 公平竞争审查意见 its item bundles with 文件.
        var named = subject.Alternatives.Where(a => (a.Forms.Count == 0 || a.Forms.Overlaps(document.Forms))
            && (Share(a.Bigrams, nameBigrams) >= NameShare || WordShare(a.Words, ownName) >= WordNameShare)
            && Share(a.Head, nameBigrams) >= NameShare).ToList();
        var oneOf = named.Count > 0;
        // Being one of parallel requests (初任培训、任职培训: kinds of one 培训), its text need not speak of the words only the others ask for;
        // requests that are not kinds of one thing (…清单…，清单动态调整的文件) are read as a whole still.
        foreach (var a in named)
        {
            var others = subject.Alternatives.Where(o => o != a && o.Words.Count > 0 && a.Words.Count > 0 && o.Words[^1] == a.Words[^1])
                .SelectMany(o => o.Words).Except(a.Words).ToHashSet(StringComparer.Ordinal);
            textWords = Math.Max(textWords, WordShare(words.Where(w => !others.Contains(w)).ToList(), ownName + "　" + document.OwnText));
        }
        var about = (name >= NameShare || nameWords >= WordNameShare || oneOf || (name >= NameSupport && text >= TextShare)
                || (SpecificForms.Contains(form) && ((text >= FormTextShare && name > 0) || (name >= FormNameSupport && text >= FormTextSupport))))
            && textWords >= WordTextShare
            && subject.Terms.All(t => Holds(ownName, t) || Holds(document.UnlistedText, t))
            && (subject.Head is not { } head || Holds(ownName, head) || Holds(document.OwnText, head))
            && (subject.Concerning.Count == 0 || subject.Concerning.Any(c => c.All(w => Holds(ownName, w) || Holds(document.OwnText, w))));
        if (!about)
        {
            return ItemFit.No;
        }
        var score = Math.Round(Math.Max(name, 0.8 * text), 3);
        var what = form.Length > 0 ? $"是{form}" : "内容相符";
        var where = name >= NameShare ? "标题" : "标题和正文";
        var subjectText = item.Subject.Replace(" ", "、");
        if (item.Window is not { } window)
        {
            return new ItemFit(true, false, score, $"{what}，{where}与“{subjectText}”相符");
        }
        // A list or ledger of what was made since a year holds nothing older: one with earlier rows is a list of something else (现行有效…目录).
        if (window.ToYear is null && (document.Forms.Contains(EvidenceForm.List) || document.Forms.Contains(EvidenceForm.Ledger))
            && document.StatedDates.Any(d => d.Year < window.FromYear))
        {
            return new ItemFit(false, true, score, $"{what}，但所列日期早于“{window.Text}”");
        }
        if (document.Date is { } date && !document.DateFromDocNumber)
        {
            return window.Contains(date)
                ? new ItemFit(true, false, score, $"{what}，{where}与“{subjectText}”相符，日期{date:yyyy-MM-dd}在“{window.Text}”之内")
                : new ItemFit(false, true, score, $"{what}，但日期{date:yyyy-MM-dd}不在“{window.Text}”之内");
        }
        var year = document.Date?.Year;
        var stated = document.StatedDates;
        if (stated.Count > 0)
        {
            var inside = stated.Where(d => window.Contains(d)).ToList();
            return inside.Count > 0
                ? new ItemFit(true, false, score, $"{what}，{where}与“{subjectText}”相符，所记日期{inside.Min():yyyy-MM-dd}至{inside.Max():yyyy-MM-dd}在“{window.Text}”之内")
                : new ItemFit(false, true, score, $"{what}，但所记日期都不在“{window.Text}”之内");
        }
        if (year is { } y)
        {
            return window.Contains(new DateOnly(y, 12, 31))
                ? new ItemFit(true, false, score, $"{what}，{where}与“{subjectText}”相符，文号年份{y}在“{window.Text}”之内")
                : new ItemFit(false, true, score, $"{what}，但文号年份{y}不在“{window.Text}”之内");
        }
        return new ItemFit(true, false, score, $"{what}，{where}与“{subjectText}”相符；文件未注明日期，“{window.Text}”待核");
    }

    /// <summary>
    /// How one document fits each item of one indicator's checklist, read as a whole: where two items differ in their
    /// subject (政府常务会 against 政府各部门) and the document's name speaks only of one, it is that one; where one item
    /// asks for the document's own form (…制度) and it fits, an item that asks for materials of any form (…资料) does
    /// not take it too.
    /// </summary>
    public IReadOnlyList<ItemFit> FitChecklist(IReadOnlyList<MaterialRequirement> checklist, EvidenceDocument document)
    {
        var fits = checklist.Select(item => Fit(item, document)).ToArray();
        var name = document.Name;
        // First the items whose subject the name contrasts away; then, among those left, an item asking for any form gives way
        // to one asking for the document's own. An item contrasted away takes nothing from another.
        var contrasted = new bool[fits.Length];
        for (var b = 0; b < fits.Length; b++)
        {
            contrasted[b] = fits[b].Fits && Others(b).Any(a => Contrast(a, b));
        }
        var dropped = new bool[fits.Length];
        for (var b = 0; b < fits.Length; b++)
        {
            dropped[b] = contrasted[b] || (fits[b].Fits && checklist[b].AnyForm && Others(b).Any(a => !contrasted[a] && !checklist[a].AnyForm));
        }
        // The other items of the checklist the document fits.
        IEnumerable<int> Others(int b) => Enumerable.Range(0, fits.Length).Where(a => a != b && fits[a].Fits && checklist[a].Item != checklist[b].Item);

        bool Contrast(int a, int b)
        {
            var wordsA = _itemWords[checklist[a].Item].Words;
            var wordsB = _itemWords[checklist[b].Item].Words;
            var onlyA = wordsA.Except(wordsB).ToList();
            var onlyB = wordsB.Except(wordsA).ToList();
            // Who provides (政府 of 乡镇、政府部门) is no contrast: 区政府 in a name is the 区's own, not a department's.
            return onlyB.Count > 0 && onlyA.Any(w => !UnitWords.Contains(w) && name.Contains(w, StringComparison.Ordinal)) && !onlyB.Any(w => name.Contains(w, StringComparison.Ordinal));
        }
        return fits.Select((f, i) => dropped[i] ? ItemFit.No : f).ToList();
    }

    /// <summary>
    /// How one document fits every checklist of a framework: each read as a whole (see <see cref="FitChecklist"/>), and then
    /// against each other: where one item's subject is another's and more after it (行政规范性文件清理 against 行政规范性文件)
    /// and the document's name, less the titles it cites, speaks of the more (清理), it is the narrower item, not the broader one;
    /// and where the name speaks of one item's own words and of none of another indicator's item's own, it is only the first.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<ItemFit>> FitFramework(IReadOnlyDictionary<int, List<MaterialRequirement>> checklists, EvidenceDocument document)
    {
        var fits = checklists.ToDictionary(c => c.Key, c => c.Value.Count == 0 ? [] : FitChecklist(c.Value, document).ToArray());
        var fitted = fits.SelectMany(f => f.Value.Select((fit, i) => (Number: f.Key, Index: i, fit.Fits)))
            .Where(x => x.Fits)
            .Select(x => (x.Number, x.Index, Ordered: _itemWords[checklists[x.Number][x.Index].Item].Words))
            .Select(x => (x.Number, x.Index, x.Ordered, Words: x.Ordered.ToHashSet(StringComparer.Ordinal)))
            .ToList();
        // What the name cites (关于《…若干措施》的公平竞争审查意见) is what the document reviews, not what it is.
        var name = document.OwnName;
        foreach (var b in fitted)
        {
            // The narrower item's further words that come after all of the broader's are what it is of them (行政规范性文件 → 清理);
            // words before only qualify them (修订前后的应急演练制度规则 is still an 应急演练制度规则). The name must hold one that is
            // not part of a word of the broader (公平、竞争 of 公平竞争审查) nor a word of form (研究目录的会议纪要: 目录 is what is studied, not more subject).
            var named = fitted.Any(a => (a.Number, a.Index) != (b.Number, b.Index) && b.Words.Count > 0 && b.Words.IsProperSubsetOf(a.Words)
                && a.Ordered.Skip(a.Ordered.Select((w, i) => b.Words.Contains(w) ? i : -1).Max() + 1)
                    .Any(w => Holds(name, w) && EvidenceForm.FormOf(w) is null && !b.Words.Any(v => v.Contains(w, StringComparison.Ordinal) || w.Contains(v, StringComparison.Ordinal))));
            // Of two items of different indicators, one whose own words the name speaks of while it speaks of none of the other's own
            // (信用领导小组 of 信用领导小组成员单位联席会议, to a 公平竞争审查 联席会议 notice) is the one the document is.
            var other = fitted.Any(a => a.Number != b.Number
                && a.Words.Except(b.Words).Any(w => Holds(name, w))
                && b.Words.Except(a.Words).Where(w => !UnitWords.Contains(w) && !KindWords.Contains(w)).ToList() is { Count: > 0 } own
                && !own.Any(w => Holds(name, w)));
            if (named || other)
            {
                fits[b.Number][b.Index] = ItemFit.No;
            }
        }
        return fits.ToDictionary(f => f.Key, f => (IReadOnlyList<ItemFit>)f.Value);
    }

    /// <summary>A word that says how, what kind or who, not what about: a function, kind-of-material or unit word.</summary>
    private static bool SaysNoSubject(string word) => FunctionWords.Contains(word) || KindWords.Contains(word) || UnitWords.Contains(word);

    /// <summary>The document's name as read for <paramref name="item"/>: where the item asks for every unit's material, a unit's name in it stands for those words.</summary>
    private static string NameOf(MaterialRequirement item, EvidenceDocument document)
    {
        var name = document.Name;
        var every = EveryUnitWords.FirstOrDefault(w => item.Item.Contains(w, StringComparison.Ordinal));
        return every is not null && document.UnitsNamed.Count > 0 ? name + "　" + every : name;
    }

    /// <summary>
    /// True when <paramref name="text"/> holds <paramref name="word"/> or one of its synonyms; 年度 is held by a year named
    /// (2023年法治政府建设情况报告 is that year's 年度报告).
    /// </summary>
    private bool Holds(string text, string word) =>
        _expand(word).Any(w => text.Contains(w, StringComparison.Ordinal)) || (word == "年度" && NamedYear().IsMatch(text)) || HoldsApart(text, word);

    /// <summary>
    /// True when a four-character word made of two words is written with one or two characters between them that say
    /// how it was done (案卷抽查评查, 案卷集中评查 for 案卷评查; 会前集中学法 for 会前学法): still the same thing.
    /// </summary>
    private static bool HoldsApart(string text, string word)
    {
        if (word.Length != 4 || !word.All(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return false;
        }
        var (first, second) = (word[..2], word[2..]);
        for (var at = text.IndexOf(first, StringComparison.Ordinal); at >= 0; at = text.IndexOf(first, at + 1, StringComparison.Ordinal))
        {
            for (var gap = 1; gap <= 2 && at + 2 + gap + 2 <= text.Length; gap++)
            {
                var between = text.AsSpan(at + 2, gap);
                if (between.ContainsAnyExceptInRange('\u4e00', '\u9fff'))
                {
                    break;
                }
                if (text.AsSpan(at + 2 + gap, 2).SequenceEqual(second))
                {
                    return true;
                }
            }
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:\d+\s*[.．、]\s*)?各?乡镇、")]
    private static partial System.Text.RegularExpressions.Regex BelowUnitsFirst();

    [System.Text.RegularExpressions.GeneratedRegex(@"20\d{2}年")]
    private static partial System.Text.RegularExpressions.Regex NamedYear();

    /// <summary>The weighted share of <paramref name="words"/> that <paramref name="text"/> contains.</summary>
    private double WordShare(IReadOnlyList<string> words, string text)
    {
        double total = 0, found = 0;
        foreach (var w in words)
        {
            var weight = _wordWeights.GetValueOrDefault(w, _unknownWeight);
            total += weight;
            if (Holds(text, w))
            {
                found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /// <summary>The weighted share of the item's subject pairs found in <paramref name="bigrams"/>.</summary>
    private double Share(IReadOnlyList<string> itemBigrams, IReadOnlySet<string> bigrams)
    {
        double total = 0, found = 0;
        foreach (var b in itemBigrams)
        {
            var w = _weights.GetValueOrDefault(b, _unknownWeight);
            total += w;
            if (bigrams.Contains(b))
            {
                found += w;
            }
        }
        return total == 0 ? 0 : found / total;
    }
}

/// <summary>Whether a document is what an item asks for; <see cref="OutsideWindow"/> when it would be but is dated outside the period.</summary>
public sealed record ItemFit(bool Fits, bool OutsideWindow, double Score, string Reason)
{
    public static ItemFit No { get; } = new(false, false, 0, "");
}
