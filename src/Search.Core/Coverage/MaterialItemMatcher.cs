namespace Search.Core.Coverage;

/// <summary>
/// Decides whether a document really is what one material item asks for: its form fits the item's words, its
/// title (or, for a short specific text, its text) is about the item's subject, and its own date lies in the
/// item's period. Words every item of the framework uses (行政, 工作) weigh little; the words that set an item
/// apart (联席会议, 惩罚性赔偿) decide. Pure: it reads documents and writes nothing.
/// </summary>
public sealed class MaterialItemMatcher
{
    /// <summary>Share of the item's weighted subject pairs a document's title and file name must hold.</summary>
    public const double NameShare = 0.5;

    /// <summary>Share its text must hold when the name holds less (but at least <see cref="NameSupport"/>).</summary>
    public const double TextShare = 0.8;

    public const double NameSupport = 0.25;

    /// <summary>Share its text must hold when the document already is the specific form the item asks for (a 简报, an 审查意见, a 台账).</summary>
    public const double FormTextShare = 0.75;

    /// <summary>…or, for such a document, this share of its name and <see cref="FormTextSupport"/> of its text.</summary>
    public const double FormNameSupport = 0.2;

    public const double FormTextSupport = 0.45;

    /// <summary>Forms specific enough that a document of that form, whose text is on the subject, is the item even if its title is terse.</summary>
    private static readonly HashSet<string> SpecificForms =
        [EvidenceForm.Opinion, EvidenceForm.News, EvidenceForm.Case, EvidenceForm.Ledger, EvidenceForm.List, EvidenceForm.CaseFile, EvidenceForm.Template, EvidenceForm.Minutes];

    private readonly Dictionary<string, double> _weights;
    private readonly double _unknownWeight;

    /// <param name="items">Every material item of the framework: a pair they all share says little about any one.</param>
    /// <param name="documents">The documents matched: a pair most of their names share (the county's name, 关于) says nothing either.</param>
    public MaterialItemMatcher(IEnumerable<MaterialRequirement> items, IReadOnlyCollection<EvidenceDocument>? documents = null)
    {
        var all = items.ToList();
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
        if (form is null || (form == EvidenceForm.Policy && !EvidenceForm.PolicyFits(item.HeadWords, document.TitleWord)))
        {
            return ItemFit.No;
        }
        var name = Share(item, document.NameBigrams);
        var text = Share(item, document.TextBigrams);
        var about = name >= NameShare || (name >= NameSupport && text >= TextShare) 
            || (SpecificForms.Contains(form) && (text >= FormTextShare || (name >= FormNameSupport && text >= FormTextSupport)));
        if (!about)
        {
            return ItemFit.No;
        }
        var score = Math.Round(Math.Max(name, 0.8 * text), 3);
        var what = form.Length > 0 ? $"是{form}" : "内容相符";
        var where = name >= NameShare ? "标题" : "标题和正文";
        var subject = item.Subject.Replace(" ", "、");
        if (item.Window is not { } window)
        {
            return new ItemFit(true, false, score, $"{what}，{where}与“{subject}”相符");
        }
        if (document.Date is { } date && !document.DateFromDocNumber)
        {
            return window.Contains(date)
                ? new ItemFit(true, false, score, $"{what}，{where}与“{subject}”相符，日期{date:yyyy-MM-dd}在“{window.Text}”之内")
                : new ItemFit(false, true, score, $"{what}，但日期{date:yyyy-MM-dd}不在“{window.Text}”之内");
        }
        var year = document.Date?.Year;
        var stated = document.StatedDates;
        if (stated.Count > 0)
        {
            var inside = stated.Where(d => window.Contains(d)).ToList();
            return inside.Count > 0
                ? new ItemFit(true, false, score, $"{what}，{where}与“{subject}”相符，所记日期{inside.Min():yyyy-MM-dd}至{inside.Max():yyyy-MM-dd}在“{window.Text}”之内")
                : new ItemFit(false, true, score, $"{what}，但所记日期都不在“{window.Text}”之内");
        }
        if (year is { } y)
        {
            return window.Contains(new DateOnly(y, 12, 31))
                ? new ItemFit(true, false, score, $"{what}，{where}与“{subject}”相符，文号年份{y}在“{window.Text}”之内")
                : new ItemFit(false, true, score, $"{what}，但文号年份{y}不在“{window.Text}”之内");
        }
        return new ItemFit(true, false, score, $"{what}，{where}与“{subject}”相符；文件未注明日期，“{window.Text}”待核");
    }

    /// <summary>The weighted share of the item's subject pairs found in <paramref name="bigrams"/>.</summary>
    private double Share(MaterialRequirement item, IReadOnlySet<string> bigrams)
    {
        double total = 0, found = 0;
        foreach (var b in item.Bigrams)
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
