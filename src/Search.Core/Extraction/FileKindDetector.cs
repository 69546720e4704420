using System.IO.Compression;
using System.Text;

namespace Search.Core.Extraction;

/// <summary>Decides a file's format from its content (magic bytes, ZIP entries, text sniffing); the extension only breaks ties.</summary>
public static class FileKindDetector
{
    public static FileKind Detect(string path)
    {
        var header = new byte[4096];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(header, 0, header.Length);
        }
        if (read == 0)
        {
            return FileKind.Unknown;
        }
        var head = header.AsSpan(0, read);
        var extension = Path.GetExtension(path).ToLowerInvariant();

        if (StartsWith(head, "%PDF") || IndexOf(head[..Math.Min(read, 1024)], "%PDF-") >= 0)
        {
            return FileKind.Pdf;
        }
        if (head.Length >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] is 0x03 or 0x05 or 0x07)
        {
            return DetectZip(path, extension);
        }
        if (head.Length >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            return extension switch
            {
                ".xls" => FileKind.Xls,
                ".et" => FileKind.Et,
                ".wps" => FileKind.Wps,
                _ => FileKind.Doc,
            };
        }
        if (head.Length >= 8 && head[0] == 0x89 && head[1] == 0x50 && head[2] == 0x4E && head[3] == 0x47)
        {
            return FileKind.Png;
        }
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return FileKind.Jpeg;
        }
        if (head.Length >= 4 && ((head[0] == 0x49 && head[1] == 0x49 && head[2] == 0x2A && head[3] == 0) || (head[0] == 0x4D && head[1] == 0x4D && head[2] == 0 && head[3] == 0x2A)))
        {
            return FileKind.Tiff;
        }
        if (StartsWith(head, "BM") && extension == ".bmp" || StartsWith(head, "BM") && head.Length > 14 && head[14] is 12 or 40 or 108 or 124)
        {
            return FileKind.Bmp;
        }
        if (StartsWith(head, "GIF87a") || StartsWith(head, "GIF89a"))
        {
            return FileKind.Gif;
        }
        if (LooksBinary(head))
        {
            return FileKind.Unknown;
        }

        var sniff = Encoding.Latin1.GetString(head).ToLowerInvariant();
        if (extension is ".mht" or ".mhtml" || sniff.Contains("mime-version:") && sniff.Contains("multipart/related"))
        {
            return FileKind.Mht;
        }
        if (extension is ".html" or ".htm" or ".xhtml" || sniff.Contains("<html") || sniff.Contains("<!doctype html"))
        {
            return FileKind.Html;
        }
        return extension switch
        {
            ".csv" => FileKind.Csv,
            ".md" or ".markdown" => FileKind.Markdown,
            _ => FileKind.Text,
        };
    }

    public static bool IsImage(FileKind kind) => kind is FileKind.Png or FileKind.Jpeg or FileKind.Tiff or FileKind.Bmp or FileKind.Gif;

    private static FileKind DetectZip(string path, string extension)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml"))
            {
                return FileKind.Docx;
            }
            if (names.Contains("xl/workbook.xml"))
            {
                return FileKind.Xlsx;
            }
            if (names.Contains("ppt/presentation.xml"))
            {
                return FileKind.Pptx;
            }
            if (names.Contains("OFD.xml"))
            {
                return FileKind.Ofd;
            }
            return FileKind.Zip;
        }
        catch (InvalidDataException)
        {
            // A damaged ZIP: let the extension say what it was meant to be, so the error names the right format.
            return extension switch
            {
                ".docx" => FileKind.Docx,
                ".xlsx" => FileKind.Xlsx,
                ".pptx" => FileKind.Pptx,
                ".ofd" => FileKind.Ofd,
                _ => FileKind.Zip,
            };
        }
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        // UTF-16 text has many zero bytes but starts with a BOM or alternates; other zeros mean binary.
        if (head.Length >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF))
        {
            return false;
        }
        if (!head.Contains((byte)0))
        {
            return false;
        }
        return !Text.TextDecoder.LooksUtf16(head.ToArray(), out _);
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, string ascii) =>
        head.Length >= ascii.Length && head[..ascii.Length].SequenceEqual(Encoding.ASCII.GetBytes(ascii));

    private static int IndexOf(ReadOnlySpan<byte> head, string ascii) => head.IndexOf(Encoding.ASCII.GetBytes(ascii));
}
