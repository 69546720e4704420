namespace Search.Core.Coverage;

/// <summary>
/// Writes the coverage ledger the way departments keep theirs, formatted for handing over: one row per indicator ×
/// material item (confirmed, suggested and missing in their own colours), a 汇总 sheet with each unit's counts,
/// and a 未填报送单位 sheet listing evidence filed under no unit.
/// </summary>
public static class CoverageLedgerWriter
{
    public static readonly string[] Header = ["指标序号", "一级指标", "指标内容", "牵头单位", "材料提供单位", "材料序号", "材料", "状态", "需要份数", "已有份数", "佐证文件及理由", "时限外", "建议"];

    private static readonly double[] Widths = [9, 18, 40, 16, 16, 9, 40, 10, 9, 9, 50, 24, 30];

    public static void Write(CoverageReport report, string path)
    {
        using var workbook = new StyledWorkbook(path);
        var columns = Header.Zip(Widths).ToList();
        workbook.AddSheet("覆盖情况", columns, Rows(report));
        workbook.AddSheet("汇总", [("材料提供单位", 24), ("材料项", 9), ("已确认", 9), ("待确认", 9), ("缺或不足", 10), ("指标数", 9)], Summary(report));
        if (report.UnfiledDocuments.Count > 0)
        {
            workbook.AddSheet(UnfiledDocument.Label, [("标题", 40), ("文件", 50), ("编号", 20)],
                report.UnfiledDocuments.Select(d => ((IReadOnlyList<object?>)[d.Title, d.File, d.DocumentId], StyledWorkbook.Wrapped)));
        }
    }

    private static IEnumerable<(IReadOnlyList<object?>, uint)> Rows(CoverageReport report)
    {
        foreach (var i in report.Indicators)
        {
            var titles = i.Evidence.ToDictionary(e => e.DocumentId, e => e.Title);
            if (i.Materials.Count == 0)
            {
                yield return ([i.Number, i.SectionTitle ?? "", i.Text, string.Join("、", i.LeadUnits), "", "", "该指标未列材料",
                    i.Covered ? "已有佐证" : "缺", "", i.EvidenceCount, string.Join("\n", i.Evidence.Select(e => e.Title)), "", ""],
                    i.Covered ? StyledWorkbook.SuggestedRow : StyledWorkbook.MissingRow);
                continue;
            }
            foreach (var m in i.Materials)
            {
                var evidence = string.Join("\n", m.Evidence.Select(e =>
                    $"【{ItemStatus.Label(e.Source)}】{e.Title}：{e.Reason}" + (e.Duplicates.Count > 0 ? $"（另有 {e.Duplicates.Count} 份相同文件不重复计）" : "")));
                var ask = m.Satisfied ? "" : m.AskUnit is { Length: > 0 } unit ? $"请向{unit}索取" : "";
                yield return ([i.Number, i.SectionTitle ?? "", i.Text, string.Join("、", i.LeadUnits), m.AskUnit ?? "", m.Index, m.Item,
                    ItemStatus.Label(m.Status), m.Required, m.DocumentIds.Count, evidence,
                    string.Join("\n", m.OutsideWindow.Select(id => titles.GetValueOrDefault(id, id))), ask],
                    StyledWorkbook.StyleFor(m.Status));
            }
        }
    }

    private static IEnumerable<(IReadOnlyList<object?>, uint)> Summary(CoverageReport report) =>
        report.Indicators
            .SelectMany(i => i.Materials.Select(m => (Unit: m.AskUnit ?? "（未注明）", i.Number, m.Status)))
            .GroupBy(x => x.Unit)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ((IReadOnlyList<object?>)[g.Key, g.Count(), g.Count(x => x.Status == ItemStatus.Confirmed), g.Count(x => x.Status == ItemStatus.Suggested),
                g.Count(x => x.Status is ItemStatus.Missing or ItemStatus.Partial), g.Select(x => x.Number).Distinct().Count()], StyledWorkbook.Wrapped));
}
