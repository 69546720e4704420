using System.Text.RegularExpressions;
using Search.Core.Frameworks;

namespace Search.Core.WebChecks;

/// <summary>
/// The yearly deadlines a framework states in its indicators, materials and 情况说明 ("每年1月31日前", "3月1日前",
/// "在4月1日前…向社会公开"), each with its next date counted in Beijing time.
/// </summary>
public static partial class DeadlineCalendar
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [GeneratedRegex(@"(\d{1,2})月(\d{1,2})日(?:前|之前|以前)")]
    private static partial Regex DeadlineDate();

    public static IReadOnlyList<UpcomingDeadline> For(Framework framework, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);
        var found = new Dictionary<(int Month, int Day), (string Text, bool Publication, SortedSet<int> Indicators)>();
        foreach (var indicator in framework.Indicators)
        {
            var texts = new[] { indicator.Text }.Concat(indicator.Materials.SelectMany(m => m.Items)).Concat(indicator.Explanation);
            foreach (var text in texts)
            {
                foreach (Match date in DeadlineDate().Matches(text))
                {
                    var month = int.Parse(date.Groups[1].Value);
                    var day = int.Parse(date.Groups[2].Value);
                    if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
                    {
                        continue;
                    }
                    var clause = ClauseAt(text, date.Index);
                    var publication = DeadlineRule.Find(clause) is not null;
                    if (!found.TryGetValue((month, day), out var entry))
                    {
                        found[(month, day)] = entry = (clause, publication, []);
                    }
                    entry.Indicators.Add(indicator.Number);
                    found[(month, day)] = entry with { Publication = entry.Publication || publication };
                }
            }
        }
        return found
            .Select(f =>
            {
                var next = NextOccurrence(f.Key.Month, f.Key.Day, today);
                return new UpcomingDeadline(f.Key.Month, f.Key.Day, next, next.DayNumber - today.DayNumber, f.Value.Text, f.Value.Publication, f.Value.Indicators.ToList());
            })
            .OrderBy(d => d.Next)
            .ToList();
    }

    private static DateOnly NextOccurrence(int month, int day, DateOnly today)
    {
        DateOnly In(int year) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        return In(today.Year) >= today ? In(today.Year) : In(today.Year + 1);
    }

    /// <summary>The clause that holds the date: from the last stop before it to the next stop after it, at most 80 characters.</summary>
    private static string ClauseAt(string text, int index)
    {
        var start = text.LastIndexOfAny(['。', '；', ';', '\n'], Math.Max(0, index - 1)) + 1;
        var stop = text.IndexOfAny(['。', '；', ';', '\n'], index);
        var clause = text[start..(stop < 0 ? text.Length : stop)].Trim('，', ',', ' ', '\t');
        return clause.Length <= 80 ? clause : clause[..80] + "…";
    }
}
