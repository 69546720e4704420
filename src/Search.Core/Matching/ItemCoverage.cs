namespace Search.Core.Matching;

/// <summary>
/// How much of what one material item (or an indicator's own text) asks for a text holds: the share, by the item's own
/// weights, of its words and character pairs that the text uses. The profile cosine dilutes one item among a long
/// checklist's others; this reads each item on its own.
/// </summary>
public static class ItemCoverage
{
    /// <summary>The item (its index) or the indicator's own text (null) of which the text holds the largest share, and that share.</summary>
    public static (int? Item, double Share) Best(SparseVector indicatorText, IReadOnlyList<SparseVector> items, IReadOnlyDictionary<string, double> text)
    {
        var best = (Item: (int?)null, Share: Share(indicatorText, text));
        for (var i = 0; i < items.Count; i++)
        {
            var share = Share(items[i], text);
            if (share > best.Share)
            {
                best = (i, share);
            }
        }
        return best;
    }

    /// <summary>The weight of <paramref name="field"/>'s features that <paramref name="text"/> has, over all its weight (0 for an empty field).</summary>
    public static double Share(SparseVector field, IReadOnlyDictionary<string, double> text)
    {
        double held = 0, all = 0;
        foreach (var (feature, weight) in field.Weights)
        {
            all += weight;
            if (text.ContainsKey(feature))
            {
                held += weight;
            }
        }
        return all == 0 ? 0 : held / all;
    }
}
