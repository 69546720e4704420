using Search.Core.Configuration;
using Search.Core.Frameworks;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>Takes a reviewer's word on one document × material item, after checking that both exist.</summary>
public sealed class ItemDecisionService(ItemDecisionRepository decisions, DocumentRepository documents, FrameworkCatalog catalog)
{
    public ItemDecision Decide(string documentId, string frameworkId, int number, int item, DecisionKind kind, string user, string? note)
    {
        _ = documents.Get(documentId) ?? throw new NotFoundException($"没有编号为 {documentId} 的文件。");
        var framework = catalog.Get(frameworkId);
        var indicator = framework.Indicators.FirstOrDefault(i => i.Number == number)
            ?? throw new NotFoundException($"{framework.Name}（{framework.Id}）没有指标 {number}。");
        var count = indicator.Materials.Sum(g => g.Items.Count);
        if (item < 1 || item > count)
        {
            throw new NotFoundException($"指标 {number} 没有第 {item} 项材料（共 {count} 项）。");
        }
        var decision = new ItemDecision(documentId, framework.Id, number, item, kind, string.IsNullOrWhiteSpace(user) ? "anonymous" : user, DateTimeOffset.UtcNow, note);
        decisions.Save(decision);
        return decision;
    }
}
