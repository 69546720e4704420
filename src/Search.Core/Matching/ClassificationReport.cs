namespace Search.Core.Matching;

/// <summary>
/// Figures of a labelled set scored by one ranking, per set (written by the team, real public texts), split
/// and kind (text, saved page, file, material request, and material request by source framework): accuracy@1 and @3, how much real evidence got no
/// indicator, and how many unrelated texts were mapped.
/// </summary>
public static class ClassificationReport
{
    public sealed record Group(
        string Set,
        string Split,
        string Kind,
        int Items,
        int Related,
        int Unrelated,
        double AccuracyAt1,
        double AccuracyAt3,
        double MissedRelatedRate,
        double UnrelatedMappedRate);

    /// <summary>One line per set, split and kind, plus an "all" line per set and split.</summary>
    public static IReadOnlyList<Group> Groups(IReadOnlyList<(ClassificationEvaluation.Item Item, IReadOnlyList<IndicatorMatch> Matches)> scored)
    {
        var groups = new List<Group>();
        foreach (var bySet in scored.GroupBy(s => SetOf(s.Item)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var bySplit in bySet.GroupBy(s => s.Item.Split).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                groups.Add(Tally(bySet.Key, bySplit.Key, "all", bySplit));
                foreach (var byKind in bySplit.GroupBy(s => s.Item.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    groups.Add(Tally(bySet.Key, bySplit.Key, byKind.Key, byKind));
                    // Material requests are also reported by the framework whose words they are written in.
                    foreach (var byFrom in byKind.Where(s => s.Item.From is not null).GroupBy(s => s.Item.From!).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        groups.Add(Tally(bySet.Key, bySplit.Key, $"{byKind.Key}/{byFrom.Key}", byFrom));
                    }
                }
            }
        }
        return groups;
    }

    /// <summary>The set an item belongs to: "real" public texts and files, or the team's "written" set.</summary>
    public static string SetOf(ClassificationEvaluation.Item item) => item.Set ?? "written";

    private static Group Tally(string set, string split, string kind, IEnumerable<(ClassificationEvaluation.Item Item, IReadOnlyList<IndicatorMatch> Matches)> items)
    {
        var tally = new ClassificationEvaluation.Tally();
        foreach (var (item, matches) in items)
        {
            tally.Add(item, matches);
        }
        var r = tally.ToResult(split, withExamples: false);
        return new Group(set, split, kind, r.Items, r.Related, r.Unrelated, r.AccuracyAt1, r.AccuracyAt3, r.MissedRelatedRate, r.UnrelatedMappedRate);
    }
}
