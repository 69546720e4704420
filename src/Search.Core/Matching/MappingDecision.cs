namespace Search.Core.Matching;

/// <summary>A reviewer's word on one document × indicator pair; it overrides the automatic match.</summary>
public sealed record MappingDecision(string DocumentId, string Framework, int Number, DecisionKind Decision, string User, DateTimeOffset Time, string? Note);

public enum DecisionKind
{
    /// <summary>The automatic match is right.</summary>
    Confirm,
    /// <summary>The automatic match is wrong: never map this document to this indicator.</summary>
    Reject,
    /// <summary>A mapping the matcher did not find.</summary>
    Add,
    /// <summary>
    /// Material items only: the unit uploaded the document as this item. It counts for the item as a suggestion
    /// until a reviewer confirms it; never a decision on an indicator.
    /// </summary>
    Provide,
}
