using Search.Core.Frameworks;
using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>
/// Hands out one <see cref="FrameworkMatcher"/> per framework, with the reviewer-confirmed documents as examples.
/// Matchers never change: when the catalog or the decisions change, a new set is built and swapped in whole,
/// so a thread scoring with the old set is never disturbed.
/// </summary>
public sealed class MatcherRegistry(FrameworkCatalog catalog, MappingDecisionRepository decisions, DocumentRepository documents, MatchTokenizer tokenizer)
{
    private readonly Lock _buildGate = new();
    private volatile MatcherSet? _current;
    private int _examplesVersion;

    public MatcherSettings Settings { get; init; } = MatcherSettings.Default;

    /// <summary>The matcher of a framework with its examples (throws NotFoundException for an unknown id).</summary>
    public FrameworkMatcher For(string frameworkId) => Current().For(frameworkId);

    /// <summary>The matcher of a framework built from the notice alone, without reviewers' examples (evaluation).</summary>
    public FrameworkMatcher WithoutExamples(string frameworkId) => Current().BaseFor(frameworkId);

    public IReadOnlyList<string> FrameworkIds => catalog.All.Select(f => f.Id).ToList();

    /// <summary>Called after a reviewer decision: the next request gets matchers with the new examples.</summary>
    public void ExamplesChanged() => Interlocked.Increment(ref _examplesVersion);

    /// <summary>The matchers as of now; keep it for the length of one piece of work so every framework is scored by the same set.</summary>
    public MatcherSet Current()
    {
        var examplesVersion = Volatile.Read(ref _examplesVersion);
        var current = _current;
        if (current is not null && current.CatalogVersion == catalog.Version && current.ExamplesVersion == examplesVersion)
        {
            return current;
        }
        lock (_buildGate)
        {
            current = _current;
            if (current is not null && current.CatalogVersion == catalog.Version && current.ExamplesVersion == examplesVersion)
            {
                return current;
            }
            // Profiles depend on the catalog only: a change of examples reuses them.
            var reuse = current is not null && current.CatalogVersion == catalog.Version ? current : null;
            var next = new MatcherSet(catalog.Version, examplesVersion, catalog, framework => reuse?.BaseFor(framework.Id)
                ?? new FrameworkMatcher(framework.Id, ProfilesOf(framework), tokenizer, Settings), ExamplesOf);
            _current = next;
            return next;
        }
    }

    public static IReadOnlyList<IndicatorProfileInput> ProfilesOf(Framework framework) =>
        framework.Indicators.Select(i => new IndicatorProfileInput(
            i.Number,
            i.Text,
            i.SectionTitle,
            i.Group,
            i.Materials.SelectMany(m => m.Items).ToList(),
            i.Explanation)).ToList();

    private IReadOnlyDictionary<int, IReadOnlyList<(string Title, string Text)>> ExamplesOf(string frameworkId) =>
        decisions.ForFramework(frameworkId)
            .Where(d => d.Decision is DecisionKind.Confirm or DecisionKind.Add)
            .GroupBy(d => d.Number)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<(string Title, string Text)>)g
                    .Select(d => documents.Get(d.DocumentId))
                    .Where(d => d is not null)
                    .Select(d => (d!.Title ?? d.FileName, DocumentText.Head(documents.GetPassages(d.Id))))
                    .ToList());
}

/// <summary>One immutable generation of matchers: built lazily per framework, thread-safe, never changed after.</summary>
public sealed class MatcherSet
{
    private readonly IReadOnlyDictionary<string, Lazy<FrameworkMatcher>> _base;
    private readonly IReadOnlyDictionary<string, Lazy<FrameworkMatcher>> _withExamples;
    private readonly FrameworkCatalog _catalog;

    internal MatcherSet(int catalogVersion, int examplesVersion, FrameworkCatalog catalog, Func<Framework, FrameworkMatcher> build,
        Func<string, IReadOnlyDictionary<int, IReadOnlyList<(string Title, string Text)>>> examples)
    {
        CatalogVersion = catalogVersion;
        ExamplesVersion = examplesVersion;
        _catalog = catalog;
        _base = catalog.All.ToDictionary(f => f.Id, f => new Lazy<FrameworkMatcher>(() => build(f)), StringComparer.Ordinal);
        _withExamples = catalog.All.ToDictionary(
            f => f.Id,
            f => new Lazy<FrameworkMatcher>(() =>
            {
                var forFramework = examples(f.Id);
                return forFramework.Count == 0 ? _base[f.Id].Value : _base[f.Id].Value.WithExamples(forFramework);
            }),
            StringComparer.Ordinal);
    }

    public int CatalogVersion { get; }

    public int ExamplesVersion { get; }

    public FrameworkMatcher For(string frameworkId) => Lookup(_withExamples, frameworkId);

    public FrameworkMatcher BaseFor(string frameworkId) => Lookup(_base, frameworkId);

    private FrameworkMatcher Lookup(IReadOnlyDictionary<string, Lazy<FrameworkMatcher>> matchers, string frameworkId) =>
        matchers.TryGetValue(frameworkId, out var lazy) ? lazy.Value
        // An unknown id: let the catalog say so in its own words.
        : matchers[_catalog.Get(frameworkId).Id].Value;
}
