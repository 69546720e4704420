namespace Search.Core.Matching;

/// <summary>
/// The one rule that links a document to indicators: its automatic matches, less the ones a reviewer rejected,
/// plus the ones a reviewer confirmed or added (score 1). Search hits, coverage and drafts all read links through it.
/// </summary>
public static class EvidenceLinkRule
{
    /// <summary>One link of a document to an indicator, with where it comes from ("auto", "confirmed", "added").</summary>
    public sealed record Link(string Framework, int Number, double Score, string Source, IReadOnlyList<string> Reasons, MappingDecision? Decision);

    /// <summary>The links of one document, given its automatic matches per framework and the decisions on it.</summary>
    public static IReadOnlyList<Link> Apply(IEnumerable<(string Framework, IndicatorMatch Match)> automatic, IEnumerable<MappingDecision> decisions)
    {
        var links = new Dictionary<(string, int), Link>();
        foreach (var (framework, m) in automatic)
        {
            links[(framework, m.Number)] = new Link(framework, m.Number, m.Score, "auto", m.Reasons, null);
        }
        foreach (var d in decisions.OrderBy(d => d.Time))
        {
            if (d.Decision == DecisionKind.Reject)
            {
                links.Remove((d.Framework, d.Number));
                continue;
            }
            var source = d.Decision == DecisionKind.Confirm ? "confirmed" : "added";
            links[(d.Framework, d.Number)] = new Link(d.Framework, d.Number, 1.0, source, [$"{d.User} 于 {d.Time.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} {(d.Decision == DecisionKind.Confirm ? "确认" : "添加")}"], d);
        }
        return links.Values.OrderBy(l => l.Framework, StringComparer.Ordinal).ThenByDescending(l => l.Score).ThenBy(l => l.Number).ToList();
    }
}
