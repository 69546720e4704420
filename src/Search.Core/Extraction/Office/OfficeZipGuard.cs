using System.IO.Compression;

namespace Search.Core.Extraction.Office;

/// <summary>Refuses Office files whose ZIP would expand to absurd sizes (DOCX/XLSX bombs) before they are opened.</summary>
public static class OfficeZipGuard
{
    public static void Check(string path, ExtractionOptions options)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > options.MaxArchiveEntries)
            {
                throw new ExtractionException($"文件内部条目过多（{zip.Entries.Count} 个），疑似恶意构造，已拒绝");
            }
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > options.MaxCompressionRatio && entry.Length > 10 * 1024 * 1024)
                {
                    throw new ExtractionException($"文件内部“{entry.FullName}”压缩比异常（{entry.Length / entry.CompressedLength}:1），疑似压缩炸弹，已拒绝");
                }
            }
            if (total > options.MaxExpandedBytes)
            {
                throw new ExtractionException($"文件解压后过大（{total / 1024 / 1024} MB），疑似压缩炸弹，已拒绝");
            }
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException("文件已损坏：不是有效的 Office Open XML（ZIP）文件");
        }
    }
}
