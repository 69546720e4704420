namespace Search.Core.Llm;

/// <summary>
/// A model-written 情况说明 for one indicator, saved for a reviewer to edit. Its status is always "draft":
/// nothing the model writes is final until a person has checked it against the cited pages.
/// </summary>
public sealed record ExplanationDraft
{
    public const string DraftStatus = "draft";

    public required string Id { get; init; }

    public required string Framework { get; init; }

    public required int Number { get; init; }

    /// <summary>The text with citation markers such as [1] after the statements they support.</summary>
    public required string Text { get; init; }

    /// <summary>Characters as <see cref="DraftLength"/> counts them.</summary>
    public required int Length { get; init; }

    public required int Limit { get; init; }

    /// <summary>Where the limit comes from: the indicator's own words, or the default.</summary>
    public string LimitSource { get; init; } = "";

    public IReadOnlyList<DraftCitation> Citations { get; init; } = [];

    /// <summary>What the reviewer should look at: statements without a citation, a trimmed ending.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string Status { get; init; } = DraftStatus;

    public string Model { get; init; } = "";

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The reviewer who last changed the text, if any; the draft stays a draft.</summary>
    public string? EditedBy { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public string Notice => "草稿，由语言模型根据佐证材料生成，须由审核人员核对引用页并修改后使用，不是定稿。";
}
