namespace Search.Core.Matching;

/// <summary>
/// How much of what one material item (or an indicator's own text) asks for a text holds: the share, by the item's own
/// weights, of its words and character pairs that the text uses. The profile cosine dilutes one item among a long
/// checklist's others; this reads each item on its own. Built once per framework as an inverted index of every
/// indicator's text and items, so a text is read once, not once per item.
/// </summary>
public sealed class ItemCoverage
{
    // Field f of indicator n: f = _first[n] is the indicator's own text, f = _first[n] + 1 + i its material item i.
    private readonly Dictionary<int, int> _first = [];
    private readonly Dictionary<int, int> _itemCounts = [];
    private readonly double[] _totals;
    private readonly Dictionary<string, (int Field, double Weight)[]> _postings = new(StringComparer.Ordinal);

    public ItemCoverage(IEnumerable<(int Number, SparseVector Text, IReadOnlyList<SparseVector> Items)> indicators)
    {
        var totals = new List<double>();
        var lists = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);
        foreach (var (number, text, items) in indicators)
        {
            _first[number] = totals.Count;
            _itemCounts[number] = items.Count;
            foreach (var field in items.Prepend(text))
            {
                var slot = totals.Count;
                totals.Add(field.Weights.Values.Sum());
                foreach (var (feature, weight) in field.Weights)
                {
                    if (!lists.TryGetValue(feature, out var list))
                    {
                        lists[feature] = list = [];
                    }
                    list.Add((slot, weight));
                }
            }
        }
        _totals = [.. totals];
        foreach (var (feature, list) in lists)
        {
            _postings[feature] = [.. list];
        }
    }

    /// <summary>For every field, the weight of its features that <paramref name="text"/> has, over all its weight.</summary>
    public double[] Shares(IReadOnlyDictionary<string, double> text)
    {
        var held = new double[_totals.Length];
        foreach (var feature in text.Keys)
        {
            if (_postings.TryGetValue(feature, out var postings))
            {
                foreach (var (field, weight) in postings)
                {
                    held[field] += weight;
                }
            }
        }
        for (var f = 0; f < held.Length; f++)
        {
            held[f] = _totals[f] == 0 ? 0 : held[f] / _totals[f];
        }
        return held;
    }

    /// <summary>
    /// The item (its index) or the indicator's own text (null) of which the text holds the largest share, and that share;
    /// <paramref name="shares"/> comes from <see cref="Shares"/>. The indicator's text wins a tie, then the earlier item.
    /// </summary>
    public (int? Item, double Share) Best(int number, double[] shares)
    {
        var first = _first[number];
        var best = (Item: (int?)null, Share: shares[first]);
        for (var i = 0; i < _itemCounts[number]; i++)
        {
            if (shares[first + 1 + i] > best.Share)
            {
                best = (i, shares[first + 1 + i]);
            }
        }
        return best;
    }
}
