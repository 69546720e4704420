using Search.Core.Frameworks;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>
/// Works out, for a framework, which indicators and material items the stored evidence covers, which
/// evidence falls outside a stated time window, and which unlinked documents probably belong where.
/// </summary>
public sealed class CoverageService(
    FrameworkCatalog catalog,
    DocumentRepository documents,
    MappingDecisionRepository decisions,
    ItemDecisionRepository itemDecisions,
    MatcherRegistry registry,
    MatchTokenizer tokenizer,
    Search.Vocabulary vocabulary)
{
    private const int SuggestionsPerIndicator = 3;
    private const double SuggestionFloor = 0.05;

    public CoverageReport Build(string frameworkId)
    {
        var framework = catalog.Get(frameworkId);
        var matcher = registry.For(framework.Id);
        var docs = documents.ListSearchable().ToDictionary(d => d.Id);
        var links = LinksOf(framework.Id, docs);
        var frameworkDecisions = decisions.ForFramework(framework.Id);

        // Each document is read once: its head serves the material items, its prepared features the suggestions.
        var passages = docs.Keys.ToDictionary(id => id, documents.GetPassages);
        var evidenceDocs = docs.Values.Where(d => !catalog.IsFrameworkSource(d.Sha256)).Select(d => EvidenceDocument.Of(d, passages[d.Id])).ToList();
        var candidateScores = docs.Values.Where(d => !catalog.IsFrameworkSource(d.Sha256)).ToDictionary(
            d => d.Id,
            d => matcher.ScoreAll(FrameworkMatcher.Prepare(tokenizer, DocumentText.InputOf(d, passages[d.Id]))).ToDictionary(s => s.Number, s => s.Score));

        var requirements = framework.Indicators.ToDictionary(i => i.Number, i => i.Materials.SelectMany(g => g.Items).Select(MaterialRequirement.Parse).ToList());
        var itemMatcher = new MaterialItemMatcher(requirements.Values.SelectMany(r => r), tokenizer, evidenceDocs, vocabulary.Expand);
        // Each document is read against the whole framework at once: which of two near items it is depends on both.
        var fitsOf = evidenceDocs.ToDictionary(d => d.Id, d => itemMatcher.FitFramework(requirements, d));
        var onItems = itemDecisions.ForFramework(framework.Id)
            .GroupBy(d => (d.Number, d.Item))
            .ToDictionary(g => g.Key, g => g.GroupBy(d => d.DocumentId).ToDictionary(x => x.Key, x => x.Last()));

        var rejected = frameworkDecisions.Where(d => d.Decision == DecisionKind.Reject).Select(d => (d.DocumentId, d.Number)).ToHashSet();
        var indicators = new List<IndicatorCoverage>();
        foreach (var indicator in framework.Indicators.OrderBy(i => i.Number))
        {
            var evidence = links.GetValueOrDefault(indicator.Number)?.Values.OrderByDescending(e => e.Score).ToList() ?? [];
            var checklist = requirements[indicator.Number];
            var candidates = evidenceDocs.Where(d => !rejected.Contains((d.Id, indicator.Number)))
                .Select(d => (Document: d, Fits: fitsOf[d.Id][indicator.Number]))
                .ToList();
            var materials = new List<MaterialCoverage>();
            var index = 0;
            foreach (var group in indicator.Materials)
            {
                foreach (var item in group.Items)
                {
                    var requirement = checklist[index];
                    var at = index++;
                    var decided = onItems.GetValueOrDefault((indicator.Number, index)) ?? [];
                    materials.Add(CoverItem(requirement, candidates.Select(c => (c.Document, c.Fits[at])), decided, docs) with
                    {
                        LeadUnit = group.LeadUnit,
                        Index = index,
                        AskUnit = AskUnit.For(indicator, group),
                    });
                }
            }

            var linked = evidence.Select(e => e.DocumentId).ToHashSet();
            var needsHelp = evidence.Count == 0 || materials.Any(m => !m.Satisfied);
            var firstMissing = materials.FirstOrDefault(m => !m.Satisfied);
            var askUnit = firstMissing?.AskUnit ?? AskUnit.For(indicator, null);
            var suggestions = needsHelp
                ? candidateScores
                    .Where(c => !linked.Contains(c.Key) && !rejected.Contains((c.Key, indicator.Number)))
                    .Select(c => (Id: c.Key, Score: c.Value.GetValueOrDefault(indicator.Number)))
                    .Where(c => c.Score >= SuggestionFloor)
                    .OrderByDescending(c => c.Score)
                    .Take(SuggestionsPerIndicator)
                    .Select(c => new Suggestion(c.Id, docs[c.Id].Title ?? docs[c.Id].FileName, Math.Round(c.Score, 4), firstMissing?.Item, askUnit))
                    .ToList()
                : [];
            if (needsHelp && suggestions.Count == 0 && askUnit is not null)
            {
                suggestions.Add(new Suggestion("", "暂无可能的佐证，请向材料提供单位索取", 0, firstMissing?.Item, askUnit));
            }

            // An indicator counts as covered when documents are linked to it, or a reviewer confirmed one of its items, or a unit uploaded one for an item.
            var covered = evidence.Count > 0 || materials.Any(m => m.ConfirmedDocumentIds.Count > 0 || m.Evidence.Any(e => e.Decision == DecisionKind.Provide));
            indicators.Add(new IndicatorCoverage(indicator.Number, indicator.Section, indicator.SectionTitle, indicator.Text,
                covered, evidence.Count, indicator.LeadUnits, indicator.ResponsibleUnits, evidence, materials, suggestions));
        }
        var unfiled = docs.Values
            .Where(d => string.IsNullOrWhiteSpace(d.Department) && !catalog.IsFrameworkSource(d.Sha256))
            .OrderBy(d => d.SourcePath, StringComparer.Ordinal)
            .Select(d => new UnfiledDocument(d.Id, d.Title ?? d.FileName, d.SourcePath))
            .ToList();
        return new CoverageReport(framework.Id, framework.Name, indicators.Count, indicators.Count(i => i.Covered), docs.Count, indicators) { UnfiledDocuments = unfiled };
    }

    /// <summary>
    /// One item: the documents that are that item (or a reviewer says are), copies counted once, against the
    /// number the item asks for; confirmed only when the reviewer-confirmed documents alone are enough.
    /// </summary>
    private static MaterialCoverage CoverItem(
        MaterialRequirement requirement, IEnumerable<(EvidenceDocument Document, ItemFit Fit)> candidates,
        IReadOnlyDictionary<string, ItemDecision> decided, IReadOnlyDictionary<string, DocumentRecord> docs)
    {
        var fits = new List<(EvidenceDocument Document, string Reason, double Score, bool Confirmed, DecisionKind? Decision)>();
        var outside = new List<string>();
        foreach (var (document, fit) in candidates)
        {
            var decision = decided.GetValueOrDefault(document.Id);
            if (decision?.Decision == DecisionKind.Reject)
            {
                continue;
            }
            if (decision is { Decision: DecisionKind.Confirm or DecisionKind.Add })
            {
                var who = $"{decision.User} 于 {decision.Time.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 确认{NoteOf(decision)}";
                fits.Add((document, fit.Reason.Length > 0 ? $"{who}；{fit.Reason}" : who, 1.0, true, decision.Decision));
            }
            else if (decision is { Decision: DecisionKind.Provide })
            {
                // The unit says this file is the item: it counts, as a suggestion a reviewer still has to confirm.
                var who = $"{decision.User} 于 {decision.Time.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 上传为本项材料，待审核确认{NoteOf(decision)}";
                fits.Add((document, fit.Reason.Length > 0 ? $"{who}；{fit.Reason}" : who, 1.0, false, decision.Decision));
            }
            else if (fit.Fits)
            {
                fits.Add((document, fit.Reason, fit.Score, false, null));
            }
            else if (fit.OutsideWindow)
            {
                outside.Add(document.Id);
            }
        }
        var ordered = fits.OrderByDescending(f => f.Confirmed).ThenByDescending(f => f.Score).ToList();
        var byId = ordered.ToDictionary(f => f.Document.Id);
        var groups = DuplicateGroups.Of(ordered.Select(f => f.Document));
        var evidence = groups.Select(g =>
        {
            var first = byId[g[0].Id];
            var confirmed = g.Any(d => byId[d.Id].Confirmed);
            return new ItemEvidence(first.Document.Id, docs[first.Document.Id].Title ?? docs[first.Document.Id].FileName,
                confirmed ? ItemStatus.Confirmed : ItemStatus.Suggested, first.Reason, g.Skip(1).Select(d => d.Id).ToList()) { Decision = first.Decision };
        }).ToList();
        var confirmedIds = evidence.Where(e => e.Source == ItemStatus.Confirmed).Select(e => e.DocumentId).ToList();
        var suggestedIds = evidence.Where(e => e.Source == ItemStatus.Suggested).Select(e => e.DocumentId).ToList();
        var status = confirmedIds.Count >= requirement.Quantity ? ItemStatus.Confirmed
            : evidence.Count >= requirement.Quantity ? ItemStatus.Suggested
            : evidence.Count > 0 ? ItemStatus.Partial
            : ItemStatus.Missing;
        return new MaterialCoverage(null, requirement.Item, evidence.Count >= requirement.Quantity, evidence.Select(e => e.DocumentId).ToList(),
            requirement.Window?.Text, outside)
        {
            Status = status,
            Required = requirement.Quantity,
            ConfirmedDocumentIds = confirmedIds,
            SuggestedDocumentIds = suggestedIds,
            Evidence = evidence,
        };
    }

    private static string NoteOf(ItemDecision decision) => string.IsNullOrWhiteSpace(decision.Note) ? "" : $"（备注：{decision.Note}）";

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
}
