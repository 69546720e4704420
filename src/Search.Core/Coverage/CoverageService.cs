using Search.Core.Frameworks;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>
/// Works out, for a framework, which indicators and material items the stored evidence covers, which
/// evidence falls outside a stated time window, and which unlinked documents probably belong where.
/// </summary>
public sealed class CoverageService(FrameworkCatalog catalog, DocumentRepository documents, MappingDecisionRepository decisions, MatcherRegistry registry, MatchTokenizer tokenizer)
{
    private const int SuggestionsPerIndicator = 3;
    private const double SuggestionFloor = 0.05;

    // A document a reviewer linked needs only half the item similarity an automatic match needs.

    public CoverageReport Build(string frameworkId)
    {
        var framework = catalog.Get(frameworkId);
        var matcher = registry.For(framework.Id);
        var docs = documents.ListSearchable().ToDictionary(d => d.Id);
        var links = LinksOf(framework.Id, docs);
        var frameworkDecisions = decisions.ForFramework(framework.Id);

        // Each document is read and tokenised once: its vector serves the material items, its scores the suggestions.
        var prepared = docs.Values.ToDictionary(d => d.Id, d => FrameworkMatcher.Prepare(tokenizer, DocumentText.InputOf(d, documents.GetPassages(d.Id))));
        var vectors = new Dictionary<string, SparseVector>();
        SparseVector VectorOf(string id) => vectors.TryGetValue(id, out var v) ? v : vectors[id] = matcher.Vectorise(prepared[id]);
        var candidateScores = docs.Values.Where(d => !catalog.IsFrameworkSource(d.Sha256)).ToDictionary(
            d => d.Id,
            d => matcher.ScoreAll(prepared[d.Id]).ToDictionary(s => s.Number, s => s.Score));

        var rejected = frameworkDecisions.Where(d => d.Decision == DecisionKind.Reject).Select(d => (d.DocumentId, d.Number)).ToHashSet();
        var indicators = new List<IndicatorCoverage>();
        foreach (var indicator in framework.Indicators.OrderBy(i => i.Number))
        {
            var evidence = links.GetValueOrDefault(indicator.Number)?.Values.OrderByDescending(e => e.Score).ToList() ?? [];
            var itemScores = evidence.ToDictionary(e => e.DocumentId, e => matcher.ItemScores(indicator.Number, VectorOf(e.DocumentId)));
            var materials = new List<MaterialCoverage>();
            var itemIndex = 0;
            foreach (var group in indicator.Materials)
            {
                foreach (var item in group.Items)
                {
                    var index = itemIndex++;
                    var satisfiedBy = evidence
                        .Where(e => itemScores[e.DocumentId].Count > index
                            && itemScores[e.DocumentId][index] >= (e.Source == "auto" ? 1.0 : 0.5) * matcher.Settings.ItemThreshold)
                        .Select(e => e.DocumentId)
                        .ToList();
                    var window = TimeWindow.Parse(item);
                    var outside = window is null ? [] : satisfiedBy.Where(id => !window.Contains(docs[id].Date)).ToList();
                    materials.Add(new MaterialCoverage(group.LeadUnit, item, satisfiedBy.Count > 0, satisfiedBy, window?.Text, outside));
                }
            }

            var linked = evidence.Select(e => e.DocumentId).ToHashSet();
            var needsHelp = evidence.Count == 0 || materials.Any(m => !m.Satisfied);
            var suggestions = needsHelp
                ? candidateScores
                    .Where(c => !linked.Contains(c.Key) && !rejected.Contains((c.Key, indicator.Number)))
                    .Select(c => (Id: c.Key, Score: c.Value.GetValueOrDefault(indicator.Number)))
                    .Where(c => c.Score >= SuggestionFloor)
                    .OrderByDescending(c => c.Score)
                    .Take(SuggestionsPerIndicator)
                    .Select(c => new Suggestion(c.Id, docs[c.Id].Title ?? docs[c.Id].FileName, Math.Round(c.Score, 4),
                        materials.FirstOrDefault(m => !m.Satisfied)?.Item, AskUnitFor(indicator, materials)))
                    .ToList()
                : [];
            if (needsHelp && suggestions.Count == 0 && AskUnitFor(indicator, materials) is { } unit)
            {
                suggestions.Add(new Suggestion("", "暂无可能的佐证，请向牵头单位索取", 0, materials.FirstOrDefault(m => !m.Satisfied)?.Item, unit));
            }

            indicators.Add(new IndicatorCoverage(indicator.Number, indicator.Section, indicator.SectionTitle, indicator.Text,
                evidence.Count > 0, evidence.Count, indicator.LeadUnits, indicator.ResponsibleUnits, evidence, materials, suggestions));
        }
        return new CoverageReport(framework.Id, framework.Name, indicators.Count, indicators.Count(i => i.Covered), docs.Count, indicators);
    }

    /// <summary>The documents linked to each indicator: automatic matches less rejections, plus confirmations and additions.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<EvidenceLink>> EvidenceLinks(string frameworkId)
    {
        var framework = catalog.Get(frameworkId);
        var docs = documents.ListSearchable().ToDictionary(d => d.Id);
        return LinksOf(framework.Id, docs).ToDictionary(l => l.Key, l => (IReadOnlyList<EvidenceLink>)l.Value.Values.OrderByDescending(e => e.Score).ToList());
    }

    private Dictionary<int, Dictionary<string, EvidenceLink>> LinksOf(string frameworkId, IReadOnlyDictionary<string, DocumentRecord> docs)
    {
        var automatic = decisions.AutoMatches(frameworkId);
        var decided = decisions.ForFramework(frameworkId).ToLookup(d => d.DocumentId);
        var links = new Dictionary<int, Dictionary<string, EvidenceLink>>();
        foreach (var documentId in automatic.Keys.Concat(decided.Select(g => g.Key)).Distinct())
        {
            if (!docs.TryGetValue(documentId, out var doc))
            {
                continue;
            }
            var own = automatic.GetValueOrDefault(documentId)?.Select(m => (frameworkId, m)) ?? [];
            foreach (var link in EvidenceLinkRule.Apply(own, decided[documentId]))
            {
                if (!links.TryGetValue(link.Number, out var forIndicator))
                {
                    links[link.Number] = forIndicator = [];
                }
                forIndicator[doc.Id] = new EvidenceLink(doc.Id, doc.Title ?? doc.FileName, doc.SourcePath, link.Score, link.Source, doc.Date, link.Reasons);
            }
        }
        return links;
    }

    /// <summary>The lead unit of the first unsatisfied item, else the indicator's first lead unit.</summary>
    private static string? AskUnitFor(Indicator indicator, IReadOnlyList<MaterialCoverage> materials) =>
        materials.FirstOrDefault(m => !m.Satisfied)?.LeadUnit is { Length: > 0 } unit ? unit : indicator.LeadUnits.FirstOrDefault();
}
