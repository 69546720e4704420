using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Office;

/// <summary>DOCX: paragraphs, headings, tables row by row (cells in order, tab-separated), headers and footers.</summary>
public sealed class DocxTextExtractor(IOptions<ExtractionOptions> options) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => kind == FileKind.Docx;

    public Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        ZipGuard.Check(path, options.Value, "DOCX 文件");
        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            var main = document.MainDocumentPart ?? throw new ExtractionException("DOCX 文件缺少正文部分");
            var sections = new List<TextSection>();
            var page = 1;
            var table = 0;
            foreach (var element in main.Document?.Body?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (element)
                {
                    case Paragraph paragraph:
                        if (paragraph.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page))
                        {
                            page++;
                        }
                        var text = paragraph.InnerText.Trim();
                        if (text.Length > 0)
                        {
                            sections.Add(new TextSection(text, page, null, IsHeading(paragraph) ? SectionKind.Heading : SectionKind.Paragraph));
                        }
                        break;
                    case Table t:
                        table++;
                        var row = 0;
                        foreach (var tr in t.Elements<TableRow>())
                        {
                            row++;
                            var cells = tr.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => p.InnerText.Trim()).Where(s => s.Length > 0)));
                            var line = string.Join("\t", cells).Trim();
                            if (line.Length > 0)
                            {
                                sections.Add(new TextSection(line, page, $"表{table} 第{row}行", SectionKind.TableRow));
                            }
                        }
                        break;
                }
            }
            foreach (var part in main.HeaderParts.Select(h => h.Header?.InnerText).Concat(main.FooterParts.Select(f => f.Footer?.InnerText)))
            {
                if (!string.IsNullOrWhiteSpace(part))
                {
                    sections.Add(new TextSection(part.Trim(), 1, "页眉页脚", SectionKind.HeaderFooter));
                }
            }
            var title = document.PackageProperties.Title;
            return Task.FromResult(new ExtractionResult(sections, page, string.IsNullOrWhiteSpace(title) ? null : title));
        }
        catch (OpenXmlPackageException e)
        {
            throw new ExtractionException($"DOCX 文件已损坏，无法打开（{e.Message}）");
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException("DOCX 文件已损坏，无法打开");
        }
    }

    private static bool IsHeading(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        return style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.StartsWith("Title", StringComparison.OrdinalIgnoreCase)
            || paragraph.ParagraphProperties?.OutlineLevel is not null;
    }
}
