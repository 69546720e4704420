namespace Search.Core.Coverage;

/// <summary>The 目录.xlsx of an evidence package: every file, the indicator and item it stands for, and its status.</summary>
public static class PackageCatalogueWriter
{
    public static void Write(IReadOnlyList<PackageRow> rows, string path)
    {
        using var workbook = new StyledWorkbook(path);
        workbook.AddSheet("目录", [("序号", 6), ("指标序号", 9), ("材料", 40), ("文件", 50), ("状态", 14), ("理由", 50)],
            rows.Select((r, i) => ((IReadOnlyList<object?>)[i + 1, r.Indicator, r.Item, r.Entry, r.Status, r.Reason],
                r.Status == ItemStatus.Label(ItemStatus.Confirmed) ? StyledWorkbook.ConfirmedRow
                : r.Status == ItemStatus.Label(ItemStatus.Suggested) ? StyledWorkbook.SuggestedRow
                : StyledWorkbook.Wrapped)));
    }
}
