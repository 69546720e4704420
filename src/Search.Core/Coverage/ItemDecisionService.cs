using Search.Core.Configuration;
using Search.Core.Frameworks;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>Takes words on one document × material item (a reviewer's, or a unit's upload for the item), after checking that both exist.</summary>
public sealed class ItemDecisionService(ItemDecisionRepository decisions, DocumentRepository documents, FrameworkCatalog catalog)
{
    public ItemDecision Decide(string documentId, string frameworkId, int number, int item, DecisionKind kind, string user, string? note)
    {
        _ = documents.Get(documentId) ?? throw new NotFoundException($"没有编号为 {documentId} 的文件。");
        var target = Check(frameworkId, number, item);
        var decision = new ItemDecision(documentId, target.Framework, number, item, kind, UserOf(user), DateTimeOffset.UtcNow, note);
        decisions.Save(decision);
        return decision;
    }

    /// <summary>Withdraws the word on the document for the item, whichever it was; the item counts as the matcher sees it again.</summary>
    public void Undo(string documentId, string frameworkId, int number, int item, string user, string? note)
    {
        var target = Check(frameworkId, number, item);
        if (!decisions.Delete(documentId, target.Framework, number, item, UserOf(user), note))
        {
            throw new NotFoundException($"文件 {documentId} 在指标 {number} 第 {item} 项材料上没有可撤销的决定。");
        }
    }

    /// <summary>
    /// Files the documents a job stored as the item it was uploaded for (<see cref="DecisionKind.Provide"/>), unless a
    /// decision on them is there already. Returns how many were filed.
    /// </summary>
    public int Provide(ItemTarget target, IEnumerable<string> documentIds, string? user)
    {
        var time = DateTimeOffset.UtcNow;
        return documentIds.Distinct().Count(id => decisions.SaveUnlessDecided(
            new ItemDecision(id, target.Framework, target.Number, target.Item, DecisionKind.Provide, UserOf(user), time, "上传时指定为本项材料")));
    }

    /// <summary>The item as the framework has it (the framework's own id spelling), or 404 naming what does not exist.</summary>
    public ItemTarget Check(string frameworkId, int number, int item)
    {
        var framework = catalog.Get(frameworkId);
        var indicator = framework.Indicators.FirstOrDefault(i => i.Number == number)
            ?? throw new NotFoundException($"{framework.Name}（{framework.Id}）没有指标 {number}。");
        var items = indicator.Materials.SelectMany(g => g.Items).ToList();
        if (item < 1 || item > items.Count)
        {
            throw new NotFoundException($"指标 {number} 没有第 {item} 项材料（共 {items.Count} 项）。");
        }
        return new ItemTarget(framework.Id, number, item) { Text = items[item - 1] };
    }

    private static string UserOf(string? user) => string.IsNullOrWhiteSpace(user) ? "anonymous" : user;
}
