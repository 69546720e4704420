namespace Search.Core.Matching;

/// <summary>
/// An inverted index of indicator profiles (feature → idf, indicators and weights) for fast cosines against all of
/// them. A text's term frequencies are weighed and scored in the same pass, so a document with many passages is
/// never turned into one weighted vector per passage and framework.
/// </summary>
public sealed class ProfilePostings
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _slots = [];
    private readonly double[] _norms;
    private readonly double _unknownIdf;

    /// <param name="profiles">Each indicator's weighted profile vector.</param>
    /// <param name="idf">The framework's idf of every feature its profiles use.</param>
    /// <param name="unknownIdf">The idf of a feature no profile uses.</param>
    public ProfilePostings(IReadOnlyList<(int Number, SparseVector Vector)> profiles, IReadOnlyDictionary<string, double> idf, double unknownIdf)
    {
        _norms = new double[profiles.Count];
        _unknownIdf = unknownIdf;
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
        foreach (var (feature, value) in idf)
        {
            _entries[feature] = new Entry(value, lists.TryGetValue(feature, out var list) ? [.. list] : []);
        }
        foreach (var (feature, list) in lists)
        {
            _entries.TryAdd(feature, new Entry(unknownIdf, [.. list]));
        }
    }

    /// <summary>Sublinear term frequency times idf: the weight of a feature seen <paramref name="frequency"/> times (weighted).</summary>
    public static double Weight(double frequency, double idf) => (1.0 + Math.Log(Math.Max(1.0, frequency))) * idf;

    public int Slot(int number) => _slots[number];

    /// <summary>Cosine of an already weighted <paramref name="vector"/> with every profile, indexed by slot.</summary>
    public double[] Cosines(SparseVector vector)
    {
        var dots = new double[_norms.Length];
        if (vector.IsEmpty)
        {
            return dots;
        }
        foreach (var (feature, weight) in vector.Weights)
        {
            if (_entries.TryGetValue(feature, out var entry))
            {
                foreach (var (slot, w) in entry.Postings)
                {
                    dots[slot] += weight * w;
                }
            }
        }
        return Normalise(dots, vector.Norm);
    }

    /// <summary>
    /// Cosine with every profile of the text whose term frequencies are <paramref name="frequencies"/>, weighed as
    /// <see cref="Weight"/> does on the way: the same figures as weighing the text into a vector first, without the vector.
    /// </summary>
    public double[] Cosines(IReadOnlyDictionary<string, double> frequencies)
    {
        var dots = new double[_norms.Length];
        var squares = 0.0;
        foreach (var (feature, frequency) in frequencies)
        {
            double weight;
            if (_entries.TryGetValue(feature, out var entry))
            {
                weight = Weight(frequency, entry.Idf);
                foreach (var (slot, w) in entry.Postings)
                {
                    dots[slot] += weight * w;
                }
            }
            else
            {
                weight = Weight(frequency, _unknownIdf);
            }
            squares += weight * weight;
        }
        var norm = Math.Sqrt(squares);
        return norm == 0 ? dots : Normalise(dots, norm);
    }

    private double[] Normalise(double[] dots, double norm)
    {
        for (var i = 0; i < dots.Length; i++)
        {
            dots[i] = _norms[i] == 0 ? 0 : dots[i] / (_norms[i] * norm);
        }
        return dots;
    }

    private readonly record struct Entry(double Idf, (int Slot, double Weight)[] Postings);
}
