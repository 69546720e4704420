using System.IO.Compression;
using System.Text.RegularExpressions;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>
/// Writes a ZIP ready to hand over: one folder per indicator (12-健全公平竞争审查制度), inside it one folder per
/// material item (3-市场体系建设中…) with the originals counted for it, the indicator's other evidence under
/// 其他佐证, and a 目录.xlsx at the top listing every file, its item and its status.
/// </summary>
public sealed partial class EvidencePackageWriter(DocumentRepository documents)
{
    private const int IndicatorNameLength = 12;
    private const int ItemNameLength = 16;

    [GeneratedRegex(@"[\\/:*?""<>|\r\n\t]")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、])\s*")]
    private static partial Regex Numbering();

    /// <summary>Returns the number of evidence files written (the 目录 not counted).</summary>
    public int Write(CoverageReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var rows = new List<PackageRow>();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var indicator in report.Indicators)
            {
                var folder = $"{indicator.Number}-{Name(indicator.Text.Split('，', '。', '；')[0], IndicatorNameLength)}";
                var placed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in indicator.Materials.Where(m => m.Evidence.Count > 0))
                {
                    var itemFolder = $"{folder}/{m.Index}-{Name(Numbering().Replace(m.Item, ""), ItemNameLength)}";
                    var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var e in m.Evidence)
                    {
                        if (Add(zip, e.DocumentId, itemFolder, used) is { } entry)
                        {
                            rows.Add(new(indicator.Number, m.Item, entry, ItemStatus.Label(e.Source), e.Reason));
                            placed.Add(e.DocumentId);
                        }
                    }
                }
                var others = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var link in indicator.Evidence.Where(l => !placed.Contains(l.DocumentId)))
                {
                    if (Add(zip, link.DocumentId, $"{folder}/其他佐证", others) is { } entry)
                    {
                        rows.Add(new(indicator.Number, "", entry, link.Source == "auto" ? "未对应材料（自动匹配）" : "未对应材料（已确认指标）", string.Join("；", link.Reasons)));
                    }
                }
            }
            var catalogue = Path.GetTempFileName();
            try
            {
                PackageCatalogueWriter.Write(rows, catalogue);
                zip.CreateEntryFromFile(catalogue, "目录.xlsx", CompressionLevel.Optimal);
            }
            finally
            {
                File.Delete(catalogue);
            }
        }
        return rows.Count;
    }

    private string? Add(ZipArchive zip, string documentId, string folder, HashSet<string> used)
    {
        var document = documents.Get(documentId);
        if (document is null || !File.Exists(document.StoredPath))
        {
            return null;
        }
        var name = Unsafe().Replace(document.FileName, "_");
        for (var n = 2; !used.Add(name); n++)
        {
            name = $"{Path.GetFileNameWithoutExtension(document.FileName)}({n}){Path.GetExtension(document.FileName)}";
        }
        var entry = $"{folder}/{name}";
        zip.CreateEntryFromFile(document.StoredPath, entry, CompressionLevel.Optimal);
        return entry;
    }

    private static string Name(string text, int length)
    {
        var clean = Unsafe().Replace(text, "").Trim().TrimEnd('。', '；', '，');
        return clean.Length <= length ? clean : clean[..length] + "…";
    }
}

/// <summary>One file in a package: where it is and what it stands for.</summary>
public sealed record PackageRow(int Indicator, string Item, string Entry, string Status, string Reason);
