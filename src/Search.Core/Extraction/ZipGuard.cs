using System.IO.Compression;

namespace Search.Core.Extraction;

/// <summary>
/// The one rule for every ZIP-based format (DOCX, XLSX, OFD, ZIP): how many entries, how large expanded, how
/// strongly compressed, read from the central directory before any library opens the file. The declared sizes are
/// enough: .NET's ZipArchive (under System.IO.Packaging and OpenXml too) never inflates an entry past the size it
/// declares, so a header that understates its size yields a truncated entry, not a bomb (ZipGuardTests pin this).
/// </summary>
public static class ZipGuard
{
    /// <summary>Entries smaller than this are never refused for their ratio: a small file of spaces is no bomb.</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Opens the file and checks its directory; what names the file in messages (DOCX 文件, 压缩包).</summary>
    public static void Check(string path, ExtractionOptions options, string what)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            CheckDirectory(zip, options, what);
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException($"{what}已损坏：不是有效的 ZIP 结构");
        }
    }

    /// <summary>Entry count, declared expanded size and per-entry compression ratio, from the central directory.</summary>
    public static void CheckDirectory(ZipArchive zip, ExtractionOptions options, string what)
    {
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (files.Count > options.MaxArchiveEntries)
        {
            throw new ExtractionException($"{what}内部条目过多（{files.Count} 个，上限 {options.MaxArchiveEntries}），疑似恶意构造，已拒绝");
        }
        var total = files.Sum(e => e.Length);
        if (total > options.MaxExpandedBytes)
        {
            throw new ExtractionException($"{what}解压后过大（{total / 1024 / 1024} MB，上限 {options.MaxExpandedBytes / 1024 / 1024} MB），疑似压缩炸弹，已拒绝");
        }
        foreach (var e in files)
        {
            if (e.Length > RatioFloorBytes && e.Length / Math.Max(1, e.CompressedLength) > options.MaxCompressionRatio)
            {
                throw new ExtractionException($"{what}内部“{e.FullName}”压缩比异常（{e.Length / Math.Max(1, e.CompressedLength)}:1，上限 {options.MaxCompressionRatio}:1），疑似压缩炸弹，已拒绝");
            }
        }
    }
}
