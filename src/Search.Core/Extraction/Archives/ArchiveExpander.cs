using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Archives;

/// <summary>
/// Expands a ZIP safely: limits on entry count, total size and compression ratio (zip bombs are refused
/// whole), entries that would escape the target folder refused one by one; the good entries are kept.
/// </summary>
public sealed class ArchiveExpander(IOptions<ExtractionOptions> options)
{
    static ArchiveExpander() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ArchiveExpansion Expand(string zipPath, string targetFolder)
    {
        var o = options.Value;
        var root = Path.GetFullPath(targetFolder) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        try
        {
            // Archives made on Chinese Windows name entries in GBK unless the UTF-8 flag is set.
            using var zip = new ZipArchive(File.OpenRead(zipPath), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: Encoding.GetEncoding("GB18030"));
            // The declared sizes; the copy below also holds every entry to what it declared.
            ZipGuard.CheckDirectory(zip, o, "压缩包");
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();

            var entries = new List<ArchiveEntry>();
            var refused = new List<RefusedEntry>();
            foreach (var entry in files)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || name.Split('/').Any(part => part == "..") || Path.IsPathRooted(name) || name.Contains(':'))
                {
                    refused.Add(new RefusedEntry(name, "路径越界（含 .. 或绝对路径），已拒绝"));
                    continue;
                }
                if (name.Split('/').Any(part => part.StartsWith("__MACOSX", StringComparison.Ordinal)) || Path.GetFileName(name).StartsWith("._", StringComparison.Ordinal))
                {
                    continue;
                }
                var target = Path.GetFullPath(Path.Combine(root, name));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    refused.Add(new RefusedEntry(name, "路径越界，已拒绝"));
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var input = entry.Open())
                using (var output = File.Create(target))
                {
                    CopyLimited(input, output, entry.Length, name);
                }
                entries.Add(new ArchiveEntry(name, target, entry.Length));
            }
            return new ArchiveExpansion(entries, refused);
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException("压缩包已损坏，无法展开");
        }
    }

    /// <summary>Copies at most the declared size (plus slack), so a lying header cannot fill the disk.</summary>
    private static void CopyLimited(Stream input, Stream output, long declared, string name)
    {
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > declared + 1024)
            {
                throw new ExtractionException($"压缩包中“{name}”实际大小超过声明，已拒绝");
            }
            output.Write(buffer, 0, read);
        }
    }
}

/// <summary>The files an archive expanded to, and the entries refused with their reasons.</summary>
public sealed record ArchiveExpansion(IReadOnlyList<ArchiveEntry> Entries, IReadOnlyList<RefusedEntry> Refused);

/// <summary>One expanded file: its path inside the archive (folders kept) and where it was written.</summary>
public sealed record ArchiveEntry(string RelativePath, string FullPath, long Size);

public sealed record RefusedEntry(string Name, string Reason);
