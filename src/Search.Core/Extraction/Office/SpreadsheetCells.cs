using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Search.Core.Extraction.Office;

/// <summary>Reading and writing XLSX rows as strings: one place for cell references, shared strings and inline strings.</summary>
public static class SpreadsheetCells
{
    /// <summary>A row of inline-string cells (no shared-string table needed).</summary>
    public static Row InlineRow(IEnumerable<string> values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(v) { Space = SpaceProcessingModeValues.Preserve }) }));

    /// <summary>The cell texts of a row, placed by their column letters (gaps become empty strings).</summary>
    public static string[] Values(Row row, string[] shared)
    {
        var values = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value);
            while (column >= 0 && values.Count < column)
            {
                values.Add("");
            }
            var raw = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
            if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Length)
            {
                raw = shared[index];
            }
            values.Add(raw);
        }
        return values.ToArray();
    }

    /// <summary>0-based column of a reference such as "C12"; -1 when there is none.</summary>
    public static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }
}
