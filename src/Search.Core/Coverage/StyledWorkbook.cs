using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Search.Core.Coverage;

/// <summary>
/// A workbook for handing over: bold frozen header, set column widths, wrapped text, numbers stored as numbers,
/// and row colours for confirmed, suggested and missing. One place for the styles the ledger and the 目录 share.
/// </summary>
public sealed class StyledWorkbook : IDisposable
{
    public const uint Plain = 0;
    public const uint Header = 1;
    public const uint Wrapped = 2;
    public const uint ConfirmedRow = 3;
    public const uint SuggestedRow = 4;
    public const uint MissingRow = 5;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets;
    private uint _sheetId;

    public StyledWorkbook(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _workbook.Workbook = new Workbook();
        _sheets = _workbook.Workbook.AppendChild(new Sheets());
        var styles = _workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
    }

    /// <summary>The style for a row in a given item state (<see cref="ItemStatus"/>).</summary>
    public static uint StyleFor(string status) => status switch
    {
        ItemStatus.Confirmed => ConfirmedRow,
        ItemStatus.Suggested => SuggestedRow,
        _ => MissingRow,
    };

    /// <summary>Adds a sheet; each row's values are strings or numbers (int, double), with the row's style.</summary>
    public void AddSheet(string name, IReadOnlyList<(string Title, double Width)> columns, IEnumerable<(IReadOnlyList<object?> Values, uint Style)> rows)
    {
        var part = _workbook.AddNewPart<WorksheetPart>();
        var view = new SheetView { WorkbookViewId = 0, TabSelected = _sheetId == 0 };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        var cols = new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true }));
        var data = new SheetData();
        data.Append(Row(1, columns.Select(c => (object?)c.Title).ToList(), Header));
        uint index = 2;
        foreach (var (values, style) in rows)
        {
            data.Append(Row(index++, values, style));
        }
        part.Worksheet = new Worksheet(new SheetViews(view), cols, data);
        _sheets.Append(new Sheet { Id = _workbook.GetIdOfPart(part), SheetId = ++_sheetId, Name = name.Length > 31 ? name[..31] : name });
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = Column(i) + index;
            row.Append(values[i] switch
            {
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n), StyleIndex = style },
                double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d), StyleIndex = style },
                var v => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(v?.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = style,
                },
            });
        }
        return row;
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Stylesheet()
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }));
        // Fills 0 and 1 are reserved by Excel (none, gray125).
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"), Solid("FFC6EFCE"), Solid("FFFFEB9C"), Solid("FFFFC7CE"));
        var borders = new Borders(new Border());
        static CellFormat Format(uint font, uint fill) => new(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
        {
            FontId = font, FillId = fill, BorderId = 0, ApplyAlignment = true, ApplyFont = font > 0, ApplyFill = fill > 0,
        };
        var formats = new CellFormats(new CellFormat(), Format(1, 2), Format(0, 0), Format(0, 3), Format(0, 4), Format(0, 5));
        return new Stylesheet(fonts, fills, borders, formats);
    }

    public void Dispose()
    {
        _workbook.Workbook!.Save();
        _document.Dispose();
    }
}
