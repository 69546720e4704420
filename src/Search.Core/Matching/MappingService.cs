using Search.Core.Configuration;
using Search.Core.Frameworks;
using Search.Core.Ingestion;
using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Takes reviewer decisions on mappings; the document is projected again, so search shows the decision as soon as the call returns.</summary>
public sealed class MappingService(
    MappingDecisionRepository decisions,
    DocumentRepository documents,
    FrameworkCatalog catalog,
    MatcherRegistry registry,
    IngestionPipeline pipeline,
    Indexing.IndexProjector projector)
{
    public async Task<MappingDecision> DecideAsync(string documentId, string frameworkId, int number, DecisionKind kind, string user, string? note, CancellationToken cancellationToken)
    {
        if (kind is not (DecisionKind.Confirm or DecisionKind.Reject or DecisionKind.Add))
        {
            throw new InvalidInputException($"decision 只能是 confirm、reject 或 add，而不是“{kind.ToString().ToLowerInvariant()}”。");
        }
        _ = documents.Get(documentId) ?? throw new NotFoundException($"没有编号为 {documentId} 的文件。");
        var framework = catalog.Get(frameworkId);
        if (framework.Indicators.All(i => i.Number != number))
        {
            throw new NotFoundException($"{framework.Name}（{framework.Id}）没有指标 {number}。");
        }
        var decision = new MappingDecision(documentId, framework.Id, number, kind, string.IsNullOrWhiteSpace(user) ? "anonymous" : user, DateTimeOffset.UtcNow, note);
        decisions.Save(decision);
        documents.RequestProjection(documentId);
        registry.ExamplesChanged();
        await projector.FlushAsync(cancellationToken);
        return decision;
    }

    /// <summary>Withdraws a reviewer's decision; the document is projected again so search and coverage follow at once.</summary>
    public async Task UndoAsync(string documentId, string frameworkId, int number, string user, string? note, CancellationToken cancellationToken)
    {
        _ = documents.Get(documentId) ?? throw new NotFoundException($"没有编号为 {documentId} 的文件。");
        var framework = catalog.Get(frameworkId);
        if (!decisions.Delete(documentId, framework.Id, number, string.IsNullOrWhiteSpace(user) ? "anonymous" : user, note))
        {
            throw new NotFoundException($"文件 {documentId} 在{framework.Name}的指标 {number} 上没有可撤销的决定。");
        }
        documents.RequestProjection(documentId);
        registry.ExamplesChanged();
        await projector.FlushAsync(cancellationToken);
    }

    /// <summary>The document's mappings for every framework: automatic ones with reasons and the decisions on them.</summary>
    public IReadOnlyList<DocumentMapping> MappingsOf(string documentId)
    {
        _ = documents.Get(documentId) ?? throw new NotFoundException($"没有编号为 {documentId} 的文件。");
        var own = decisions.ForDocument(documentId);
        var result = new List<DocumentMapping>();
        foreach (var framework in catalog.All)
        {
            var auto = decisions.AutoMatches(framework.Id, documentId);
            var numbers = auto.Select(a => a.Number).Concat(own.Where(d => d.Framework == framework.Id).Select(d => d.Number)).Distinct().Order();
            foreach (var n in numbers)
            {
                var a = auto.FirstOrDefault(x => x.Number == n);
                var d = own.FirstOrDefault(x => x.Framework == framework.Id && x.Number == n);
                result.Add(new DocumentMapping(framework.Id, n, a?.Score, a?.Reasons ?? [], d?.Decision, d?.User, d?.Time, d?.Note));
            }
        }
        return result;
    }

    /// <summary>Re-matches every indexed document, e.g. after a framework import.</summary>
    public async Task<int> RematchAllAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var document in documents.ListSearchable())
        {
            cancellationToken.ThrowIfCancellationRequested();
            pipeline.Rematch(document.Id);
            count++;
        }
        await projector.FlushAsync(cancellationToken);
        return count;
    }
}

/// <summary>One document × indicator mapping as a reviewer sees it.</summary>
public sealed record DocumentMapping(string Framework, int Number, double? Score, IReadOnlyList<string> Reasons, DecisionKind? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note = null);
