using Search.Core.Matching;

namespace Search.Core.Coverage;

/// <summary>
/// A reviewer's word on one document × material item: Confirm makes a suggested tick (or one the matcher missed)
/// a confirmed one; Reject keeps the document off that item. <see cref="Item"/> is the item's 1-based place in the checklist.
/// </summary>
public sealed record ItemDecision(string DocumentId, string Framework, int Number, int Item, DecisionKind Decision, string User, DateTimeOffset Time, string? Note);
