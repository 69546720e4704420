namespace Search.Core.Matching;

/// <summary>The matcher's calibrated constants; defaults were set on the "tune" splits of corpus/eval (classify.jsonl and real.jsonl).</summary>
public sealed record MatcherSettings
{
    /// <summary>Minimum score for an indicator to be reported at all: below it a text maps to nothing.</summary>
    public double Threshold { get; init; } = 0.10;

    /// <summary>The threshold for a text that is about this field's work (see <see cref="DomainShare"/>).</summary>
    public double LowThreshold { get; init; } = 0.06;

    /// <summary>
    /// A text whose character pairs are at least this share words of the framework's own (its indicators, checklists and
    /// explanations) is about this field's work, and is reported from <see cref="LowThreshold"/> on.
    /// </summary>
    public double DomainShare { get; init; } = 0.31;

    /// <summary>The share is read only on texts of at least this many character pairs (about as many characters).</summary>
    public int DomainMinPairs { get; init; } = 120;

    /// <summary>For assignment to the index, an indicator must also reach this share of the best score.</summary>
    public double RelativeToBest { get; init; } = 0.7;

    /// <summary>At most this many indicators are assigned to one document per framework.</summary>
    public int MaxAssigned { get; init; } = 5;

    /// <summary>Added when a path or file name names the indicator's number, if the content already supports it.</summary>
    public double HintBonus { get; init; } = 0.25;

    /// <summary>
    /// The content's own score an indicator needs before a name's hint counts: a name raises what the text
    /// supports and never maps a text that shares nothing with the indicator.
    /// </summary>
    public double HintSupport { get; init; } = 0.08;

    /// <summary>Weight of the similarity to documents a reviewer confirmed for the indicator.</summary>
    public double ExampleWeight { get; init; } = 0.4;

    /// <summary>Passage scores count a little less than whole-document scores.</summary>
    public double PassageFactor { get; init; } = 0.9;

    /// <summary>Minimum similarity for a document to satisfy one material item of an indicator it supports.</summary>
    public double ItemThreshold { get; init; } = 0.15;

    /// <summary>Weight of the best similarity between the document's title and one of the indicator's material items.</summary>
    public double TitleItemWeight { get; init; } = 0.2;

    /// <summary>A title counts only from this similarity with a material item on: a title that merely shares a word says nothing.</summary>
    public double TitleItemThreshold { get; init; } = 0.15;

    /// <summary>
    /// Weight of a title whose type (报告, 清单, 方案…) is what one material item asks for and whose subject shares a run
    /// of words with that item ("…法治政府建设情况报告" and "法治政府建设情况年度报告公布网址"); only items whose period
    /// ("2022年以来") holds the document's date count.
    /// </summary>
    public double KindWeight { get; init; } = 0.2;

    /// <summary>
    /// Weight of how much of one material item (or of the indicator's own text) a text holds: the share of that item's
    /// words and character pairs, by weight, that the text uses, above <see cref="CoverageFloor"/>, scaled to 0–1. A text
    /// that holds most of what one item asks for is about that item, even where the profile as a whole is long.
    /// </summary>
    public double CoverageWeight { get; init; } = 0.03;

    /// <summary>A share of an item's words any text of this field reaches by chance; only what a text holds beyond it counts.</summary>
    public double CoverageFloor { get; init; } = 0.3;

    /// <summary>Weight of a title doing what the indicator's own text says (清理, 评查, 备案, 听证…).</summary>
    public double VerbWeight { get; init; } = 0.05;

    public static MatcherSettings Default { get; } = new();
}
