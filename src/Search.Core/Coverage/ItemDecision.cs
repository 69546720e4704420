using Search.Core.Matching;

namespace Search.Core.Coverage;

/// <summary>
/// A word on one document × material item. A reviewer's Confirm makes a suggested tick (or one the matcher missed)
/// a confirmed one; Reject keeps the document off that item; Provide records that the unit uploaded the document as
/// that item (a suggestion until confirmed). <see cref="Item"/> is the item's 1-based place in the checklist.
/// </summary>
public sealed record ItemDecision(string DocumentId, string Framework, int Number, int Item, DecisionKind Decision, string User, DateTimeOffset Time, string? Note);
