using System.Text.RegularExpressions;

namespace Search.Core.Coverage;

/// <summary>A period a material item asks for ("2022年以来", "2020年、2021年", "2021—2023年"), for flagging evidence dated outside it.</summary>
public sealed partial record TimeWindow(string Text, int FromYear, int? ToYear)
{
    [GeneratedRegex(@"(20\d{2})年(?:以来|至今|起)")]
    private static partial Regex Since();

    [GeneratedRegex(@"(20\d{2})(?:年)?\s*[—–\-~至到]\s*(20\d{2})年")]
    private static partial Regex Range();

    [GeneratedRegex(@"(20\d{2})年?(?:[、，,和及与]\s*(20\d{2})年?)+")]
    private static partial Regex List();

    [GeneratedRegex(@"20\d{2}")]
    private static partial Regex Year();

    /// <summary>The first window stated in <paramref name="text"/>, or null when it states none.</summary>
    public static TimeWindow? Parse(string text)
    {
        if (Since().Match(text) is { Success: true } since)
        {
            return new TimeWindow(since.Value, int.Parse(since.Groups[1].Value), null);
        }
        if (Range().Match(text) is { Success: true } range)
        {
            var a = int.Parse(range.Groups[1].Value);
            var b = int.Parse(range.Groups[2].Value);
            return new TimeWindow(range.Value, Math.Min(a, b), Math.Max(a, b));
        }
        if (List().Match(text) is { Success: true } list)
        {
            var years = Year().Matches(list.Value).Select(m => int.Parse(m.Value)).ToList();
            return new TimeWindow(list.Value, years.Min(), years.Max());
        }
        return null;
    }

    /// <summary>True when the date falls in the window; documents without a date are not flagged.</summary>
    public bool Contains(DateOnly? date) =>
        date is not { } d || (d.Year >= FromYear && (ToYear is null || d.Year <= ToYear));
}
