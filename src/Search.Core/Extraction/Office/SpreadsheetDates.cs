using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Search.Core.Extraction.Office;

/// <summary>
/// Which cell styles of a workbook show dates: the built-in date formats (14–22, 27–36, 45–47, 50–58, the last
/// ranges being the CJK ones such as yyyy"年"m"月"d"日") and custom formats with year or day codes. A date cell
/// holds a serial day number (44967 = 2023-02-10); it is read back as the date it shows.
/// </summary>
public sealed partial class SpreadsheetDates
{
    private readonly HashSet<uint> _dateStyles;

    private SpreadsheetDates(HashSet<uint> dateStyles) => _dateStyles = dateStyles;

    [GeneratedRegex(@"""[^""]*""|\[[^\]]*\]|\\.")]
    private static partial Regex Literals();

    public static SpreadsheetDates Of(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var styles = new HashSet<uint>();
        uint index = 0;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateCode(code)))
            {
                styles.Add(index);
            }
            index++;
        }
        return new SpreadsheetDates(styles);
    }

    public bool IsDateStyle(uint? style) => style is { } s && _dateStyles.Contains(s);

    /// <summary>A serial day number as the date it stands for, in the form Chinese documents write dates; null when it is not one.</summary>
    public static string? FromSerial(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial > 2958465)
        {
            return null;
        }
        var value = DateTime.FromOADate(serial);
        return value.TimeOfDay == TimeSpan.Zero ? $"{value.Year}年{value.Month}月{value.Day}日" : $"{value.Year}年{value.Month}月{value.Day}日 {value:HH:mm}";
    }

    private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    private static bool IsDateCode(string code)
    {
        var bare = Literals().Replace(code, "").ToLowerInvariant();
        return bare.Contains('y') || bare.Contains('d') || code.Contains('年') && code.Contains('月');
    }
}
