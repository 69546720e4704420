namespace Search.Core.Matching;

/// <summary>An inverted index of indicator profiles (feature → indicators and weights) for fast cosines against all of them.</summary>
public sealed class ProfilePostings
{
    private readonly Dictionary<string, (int Slot, double Weight)[]> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _slots = [];
    private readonly double[] _norms;

    public ProfilePostings(IReadOnlyList<(int Number, SparseVector Vector)> profiles)
    {
        _norms = new double[profiles.Count];
        var lists = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);
        for (var slot = 0; slot < profiles.Count; slot++)
        {
            var (number, vector) = profiles[slot];
            _slots[number] = slot;
            _norms[slot] = vector.Norm;
            foreach (var (feature, weight) in vector.Weights)
            {
                if (!lists.TryGetValue(feature, out var list))
                {
                    lists[feature] = list = [];
                }
                list.Add((slot, weight));
            }
        }
        foreach (var (feature, list) in lists)
        {
            _postings[feature] = [.. list];
        }
    }

    public int Slot(int number) => _slots[number];

    /// <summary>Cosine of <paramref name="vector"/> with every profile, indexed by slot.</summary>
    public double[] Cosines(SparseVector vector)
    {
        var dots = new double[_norms.Length];
        if (vector.IsEmpty)
        {
            return dots;
        }
        foreach (var (feature, weight) in vector.Weights)
        {
            if (_postings.TryGetValue(feature, out var postings))
            {
                foreach (var (slot, w) in postings)
                {
                    dots[slot] += weight * w;
                }
            }
        }
        for (var i = 0; i < dots.Length; i++)
        {
            dots[i] = _norms[i] == 0 ? 0 : dots[i] / (_norms[i] * vector.Norm);
        }
        return dots;
    }
}
