using Search.Core.Frameworks;
using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>
/// Builds and caches one <see cref="FrameworkMatcher"/> per framework, rebuilt when the catalog changes,
/// with the reviewer-confirmed documents as examples.
/// </summary>
public sealed class MatcherRegistry(FrameworkCatalog catalog, MappingDecisionRepository decisions, DocumentRepository documents, MatchTokenizer tokenizer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Version, FrameworkMatcher Matcher)> _cache = [];
    private int _examplesVersion;
    private int _examplesLoaded = -1;

    public MatcherSettings Settings { get; set; } = MatcherSettings.Default;

    /// <summary>The matcher of a framework (throws NotFoundException for an unknown id).</summary>
    public FrameworkMatcher For(string frameworkId)
    {
        var framework = catalog.Get(frameworkId);
        lock (_gate)
        {
            if (!_cache.TryGetValue(framework.Id, out var cached) || cached.Version != catalog.Version)
            {
                cached = (catalog.Version, new FrameworkMatcher(framework.Id, ProfilesOf(framework), tokenizer, Settings));
                _cache[framework.Id] = cached;
                _examplesLoaded = -1;
            }
            if (_examplesLoaded != _examplesVersion)
            {
                LoadExamples();
                _examplesLoaded = _examplesVersion;
            }
            return cached.Matcher;
        }
    }

    public IReadOnlyList<string> FrameworkIds => catalog.All.Select(f => f.Id).ToList();

    /// <summary>Called after a reviewer decision so that confirmed examples are reloaded.</summary>
    public void ExamplesChanged() => Interlocked.Increment(ref _examplesVersion);

    public static IReadOnlyList<IndicatorProfileInput> ProfilesOf(Framework framework) =>
        framework.Indicators.Select(i => new IndicatorProfileInput(
            i.Number,
            i.Text,
            i.SectionTitle,
            i.Group,
            i.Materials.SelectMany(m => m.Items).ToList(),
            i.Explanation)).ToList();

    private void LoadExamples()
    {
        foreach (var (_, (_, matcher)) in _cache)
        {
            matcher.ClearExamples();
            var confirmed = decisions.ForFramework(matcher.FrameworkId)
                .Where(d => d.Decision is DecisionKind.Confirm or DecisionKind.Add)
                .GroupBy(d => d.Number);
            foreach (var group in confirmed)
            {
                var examples = group
                    .Select(d => documents.Get(d.DocumentId))
                    .Where(d => d is not null)
                    .Select(d => (d!.Title ?? d.FileName, DocumentText.Head(documents.GetPassages(d.Id))))
                    .ToList();
                matcher.SetExamples(group.Key, examples);
            }
        }
    }
}
