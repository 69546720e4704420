namespace Search.Core.Coverage;

/// <summary>
/// Groups copies of one piece of evidence so that it counts once: the same bytes, the same text in another format
/// (TXT and DOCX), or nearly the same text (a re-saved copy with a changed line).
/// </summary>
public static class DuplicateGroups
{
    /// <summary>Share of character pairs two texts must have in common to be copies of each other.</summary>
    public const double NearShare = 0.9;

    /// <summary>The documents in groups of copies; each group's first document is the one counted.</summary>
    public static IReadOnlyList<IReadOnlyList<EvidenceDocument>> Of(IEnumerable<EvidenceDocument> documents)
    {
        var groups = new List<List<EvidenceDocument>>();
        foreach (var d in documents)
        {
            var group = groups.FirstOrDefault(g => AreCopies(g[0], d));
            if (group is null)
            {
                groups.Add([d]);
            }
            else
            {
                group.Add(d);
            }
        }
        return groups;
    }

    public static bool AreCopies(EvidenceDocument a, EvidenceDocument b)
    {
        if (a.Sha256 == b.Sha256 || (a.ContentKey.Length > 0 && a.ContentKey == b.ContentKey))
        {
            return true;
        }
        var (x, y) = (a.TextBigrams, b.TextBigrams);
        if (x.Count < 20 || y.Count < 20 || Math.Min(x.Count, y.Count) < NearShare * Math.Max(x.Count, y.Count))
        {
            return false;
        }
        var shared = x.Count(y.Contains);
        return shared >= NearShare * (x.Count + y.Count - shared);
    }
}
