using System.Text.RegularExpressions;

namespace Search.Core.WebChecks;

/// <summary>
/// A publication deadline a framework states for an indicator, such as "在4月1日前……向社会公开" for the annual
/// report or "每年1月31日前……公布上年度行政执法总体情况". Only a date whose own clause speaks of publishing counts:
/// "3月1日前……报告" is a deadline for reporting upwards, which a web page cannot show.
/// </summary>
public sealed partial record DeadlineRule(int Month, int Day, string Text)
{
    [GeneratedRegex(@"(\d{1,2})月(\d{1,2})日(?:前|之前|以前)")]
    private static partial Regex DeadlineDate();

    [GeneratedRegex(@"(\d{4})\s*年度")]
    private static partial Regex ReportYear();

    /// <summary>The publication deadline the text states, or null.</summary>
    public static DeadlineRule? Find(string text)
    {
        var dates = DeadlineDate().Matches(text);
        for (var i = 0; i < dates.Count; i++)
        {
            var start = dates[i].Index;
            var end = i + 1 < dates.Count ? dates[i + 1].Index : text.Length;
            var stop = text.IndexOfAny(['。', '；', ';'], start);
            if (stop >= 0 && stop < end)
            {
                end = stop;
            }
            var clause = text[start..end];
            if (clause.Contains("公开") || clause.Contains("公布") || clause.Contains("网站"))
            {
                var month = int.Parse(dates[i].Groups[1].Value);
                var day = int.Parse(dates[i].Groups[2].Value);
                if (month is >= 1 and <= 12 && day is >= 1 and <= 31)
                {
                    return new DeadlineRule(month, day, clause.Trim('，', ',', ' '));
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The deadline that applies to a page: in the year after the year the page reports on ("2022年度" → 2023),
    /// else in the year it was published. A page published on the deadline day is on time.
    /// </summary>
    public DateOnly DeadlineFor(DateOnly published, string? pageTitle)
    {
        var year = pageTitle is not null && ReportYear().Match(pageTitle) is { Success: true } m ? int.Parse(m.Groups[1].Value) + 1 : published.Year;
        return new DateOnly(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
    }

    public bool IsLate(DateOnly published, string? pageTitle) => published > DeadlineFor(published, pageTitle);

    public string Describe() => $"{Month}月{Day}日前公开";
}
