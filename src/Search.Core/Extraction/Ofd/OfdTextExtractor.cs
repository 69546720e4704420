using System.IO.Compression;
using System.Xml.Linq;

namespace Search.Core.Extraction.Ofd;

/// <summary>OFD (GB/T 33190, the national format for official electronic documents): a ZIP of XML pages; text from TextCode elements page by page.</summary>
public sealed class OfdTextExtractor(Microsoft.Extensions.Options.IOptions<ExtractionOptions> options) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => kind == FileKind.Ofd;

    public Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            // An OFD is a ZIP of XML: the same limits as any archive before a single page is parsed.
            ZipGuard.CheckDirectory(zip, options.Value, "OFD 文件");
            var root = Load(zip, "OFD.xml") ?? throw new ExtractionException("OFD 文件缺少 OFD.xml");
            var docRootPath = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "DocRoot")?.Value.Trim().TrimStart('/')
                ?? throw new ExtractionException("OFD 文件缺少 DocRoot");
            var document = Load(zip, docRootPath) ?? throw new ExtractionException($"OFD 文件缺少 {docRootPath}");
            var baseFolder = Path.GetDirectoryName(docRootPath)?.Replace('\\', '/') ?? "";
            var pages = document.Descendants().Where(e => e.Name.LocalName == "Page").Select(p => (string?)p.Attribute("BaseLoc")).Where(p => p is not null).ToList();
            var sections = new List<TextSection>();
            var number = 0;
            foreach (var loc in pages)
            {
                number++;
                var pagePath = loc!.StartsWith('/') ? loc.TrimStart('/') : $"{baseFolder}/{loc}".TrimStart('/');
                var page = Load(zip, pagePath);
                if (page is null)
                {
                    continue;
                }
                // TextObjects on one baseline form a line; lines are joined into the page's paragraphs.
                var lines = page.Descendants().Where(e => e.Name.LocalName == "TextObject")
                    .Select(t => (Y: Boundary(t), Text: string.Concat(t.Descendants().Where(c => c.Name.LocalName == "TextCode").Select(c => c.Value))))
                    .Where(t => t.Text.Length > 0)
                    .GroupBy(t => Math.Round(t.Y))
                    .OrderBy(g => g.Key)
                    .Select(g => string.Concat(g.Select(x => x.Text)).Trim());
                foreach (var line in lines.Where(l => l.Length > 0))
                {
                    sections.Add(new TextSection(line, number));
                }
            }
            return Task.FromResult(new ExtractionResult(sections, Math.Max(1, number)));
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException("OFD 文件已损坏，无法打开");
        }
        catch (System.Xml.XmlException e)
        {
            throw new ExtractionException($"OFD 文件内容格式错误：{e.Message}");
        }
    }

    private static double Boundary(XElement textObject)
    {
        var boundary = ((string?)textObject.Attribute("Boundary"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return boundary is { Length: >= 2 } && double.TryParse(boundary[1], System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : 0;
    }

    private static XDocument? Load(ZipArchive zip, string entryPath)
    {
        var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), entryPath, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
