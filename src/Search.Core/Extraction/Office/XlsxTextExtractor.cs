using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;

namespace Search.Core.Extraction.Office;

/// <summary>XLSX: every sheet row by row; each row carries the header row's names ("序号: 1 | 名称: …"), page = sheet.</summary>
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
            var sections = new List<TextSection>();
            var sheetIndex = 0;
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                sheetIndex++;
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                string[]? header = null;
                foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var values = SpreadsheetCells.Values(row, shared).Select(v => v.Trim()).ToArray();
                    if (values.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }
                    if (header is null)
                    {
                        header = values;
                        sections.Add(new TextSection(string.Join("\t", values.Where(v => v.Length > 0)), sheetIndex, $"{sheet.Name} 第{row.RowIndex?.Value}行", SectionKind.Heading));
                        continue;
                    }
                    var cells = values.Select((v, i) => (v, i)).Where(x => x.v.Length > 0)
                        .Select(x => x.i < header.Length && header[x.i].Length > 0 ? $"{header[x.i]}: {x.v}" : x.v);
                    sections.Add(new TextSection(string.Join(" | ", cells), sheetIndex, $"{sheet.Name} 第{row.RowIndex?.Value}行", SectionKind.TableRow));
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
