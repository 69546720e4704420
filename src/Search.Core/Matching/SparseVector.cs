namespace Search.Core.Matching;

/// <summary>A feature → weight map with a precomputed norm, for cosine similarity.</summary>
public sealed class SparseVector
{
    public SparseVector(IReadOnlyDictionary<string, double> weights)
    {
        Weights = weights;
        Norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    public IReadOnlyDictionary<string, double> Weights { get; }

    public double Norm { get; }

    public bool IsEmpty => Norm == 0;

    public double Cosine(SparseVector other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return 0;
        }
        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        var dot = 0.0;
        foreach (var (key, w) in small)
        {
            if (large.TryGetValue(key, out var v))
            {
                dot += w * v;
            }
        }
        return dot / (Norm * other.Norm);
    }

    /// <summary>The shared features (those <paramref name="include"/> keeps, if given) ordered by their contribution to the dot product.</summary>
    public IEnumerable<(string Feature, double Contribution)> SharedWith(SparseVector other, Func<string, bool>? include = null)
    {
        var shared = new List<(string Feature, double Contribution)>();
        foreach (var (feature, weight) in Weights)
        {
            if ((include is null || include(feature)) && other.Weights.TryGetValue(feature, out var otherWeight))
            {
                shared.Add((feature, weight * otherWeight));
            }
        }
        return shared.OrderByDescending(x => x.Contribution);
    }
}
