using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Office;

/// <summary>
/// XLSX as tables: per sheet, a title row (one cell above the header) becomes the heading, the header row is found
/// among the first rows, and every row after it carries the header's names ("受理日期: 2023年2月10日 | 申请人: …");
/// date cells are read as dates whatever their number format. Page = sheet.
/// </summary>
public sealed class XlsxTextExtractor(IOptions<ExtractionOptions> options) : ITextExtractor
{
    public bool CanExtract(FileKind kind) => kind == FileKind.Xlsx;

    public Task<ExtractionResult> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken)
    {
        ZipGuard.Check(path, options.Value, "XLSX 文件");
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart ?? throw new ExtractionException("XLSX 文件缺少工作簿");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dates = SpreadsheetDates.Of(workbook.WorkbookStylesPart?.Stylesheet);
            var sections = new List<TextSection>();
            var sheetIndex = 0;
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                sheetIndex++;
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                var rows = (part.Worksheet?.Descendants<Row>() ?? []).ToList();
                var table = SpreadsheetTable.Read(rows, shared, dates, cancellationToken);
                foreach (var (text, rowIndex, isTitle) in table)
                {
                    sections.Add(new TextSection(text, sheetIndex, isTitle ? $"{sheet.Name} 标题" : $"{sheet.Name} 第{rowIndex}行", isTitle ? SectionKind.Heading : SectionKind.TableRow));
                }
            }
            return Task.FromResult(new ExtractionResult(sections, Math.Max(1, sheetIndex)));
        }
        catch (OpenXmlPackageException e)
        {
            throw new ExtractionException($"XLSX 文件已损坏，无法打开（{e.Message}）");
        }
        catch (InvalidDataException)
        {
            throw new ExtractionException("XLSX 文件已损坏，无法打开");
        }
    }
}
