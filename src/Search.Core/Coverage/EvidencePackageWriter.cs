using System.IO.Compression;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>Writes a ZIP with one folder per indicator number holding its evidence originals, ready for a province's platform.</summary>
public sealed class EvidencePackageWriter(DocumentRepository documents)
{
    /// <summary>Returns the number of files written.</summary>
    public int Write(CoverageReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var count = 0;
        foreach (var indicator in report.Indicators.Where(i => i.Evidence.Count > 0))
        {
            var folder = $"{indicator.Number:D3}";
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var link in indicator.Evidence)
            {
                var document = documents.Get(link.DocumentId);
                if (document is null || !File.Exists(document.StoredPath))
                {
                    continue;
                }
                var name = document.FileName;
                for (var n = 2; !used.Add(name); n++)
                {
                    name = $"{Path.GetFileNameWithoutExtension(document.FileName)}({n}){Path.GetExtension(document.FileName)}";
                }
                zip.CreateEntryFromFile(document.StoredPath, $"{folder}/{name}", CompressionLevel.Optimal);
                count++;
            }
        }
        return count;
    }
}
