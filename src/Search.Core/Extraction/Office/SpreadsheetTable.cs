using DocumentFormat.OpenXml.Spreadsheet;

namespace Search.Core.Extraction.Office;

/// <summary>
/// Reads one sheet as a table: rows above the header with a single cell are its title, the header is the first
/// row with at least two cells most of which are short labels, and each later row is written with the header's
/// names. A number under a 日期/时间 header, or in a date-formatted cell, is written as the date.
/// </summary>
public static class SpreadsheetTable
{
    private const int HeaderSearchRows = 10;

    public static IEnumerable<(string Text, uint RowIndex, bool IsTitle)> Read(IReadOnlyList<Row> rows, string[] shared, SpreadsheetDates dates, CancellationToken cancellationToken)
    {
        string[]? header = null;
        var seen = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = Values(row, shared, dates, header);
            if (values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            seen++;
            var filled = values.Count(v => v.Length > 0);
            if (header is null && seen <= HeaderSearchRows)
            {
                if (filled == 1)
                {
                    yield return (values.First(v => v.Length > 0), row.RowIndex?.Value ?? 0, true);
                    continue;
                }
                if (IsHeader(values))
                {
                    header = values;
                    yield return (string.Join(" | ", values.Where(v => v.Length > 0)), row.RowIndex?.Value ?? 0, false);
                    continue;
                }
            }
            var cells = values.Select((v, i) => (v, i)).Where(x => x.v.Length > 0)
                .Select(x => header is not null && x.i < header.Length && header[x.i].Length > 0 ? $"{header[x.i]}: {x.v}" : x.v);
            yield return (string.Join(" | ", cells), row.RowIndex?.Value ?? 0, false);
        }
    }

    /// <summary>Labels: at least two cells, mostly short text that is neither a number nor a date.</summary>
    private static bool IsHeader(string[] values)
    {
        var filled = values.Where(v => v.Length > 0).ToList();
        return filled.Count >= 2 && filled.Count(v => v.Length <= 12 && !double.TryParse(v, out _) && DocumentMetadataReader.ParseDate(v) is null) >= filled.Count * 0.8;
    }

    private static string[] Values(Row row, string[] shared, SpreadsheetDates dates, string[]? header)
    {
        var values = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = SpreadsheetCells.ColumnIndex(cell.CellReference?.Value);
            while (column >= 0 && values.Count < column)
            {
                values.Add("");
            }
            var raw = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
            if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Length)
            {
                raw = shared[index];
            }
            else if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
            {
                var named = header is not null && values.Count < header.Length && (header[values.Count].Contains("日期") || header[values.Count].Contains("时间"));
                if ((dates.IsDateStyle(cell.StyleIndex?.Value) || (named && double.TryParse(raw, out var n) && n is > 20000 and < 80000)) && SpreadsheetDates.FromSerial(raw) is { } date)
                {
                    raw = date;
                }
            }
            values.Add(raw.Trim());
        }
        return values.ToArray();
    }
}
