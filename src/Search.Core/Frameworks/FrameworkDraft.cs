using System.Text.RegularExpressions;

namespace Search.Core.Frameworks;

/// <summary>What a reader has gathered so far; <see cref="Build"/> turns it into a framework with its parse report.</summary>
public sealed partial class FrameworkDraft(string layout)
{
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})、\s*(.+)$")]
    private static partial Regex SectionHeading();

    private readonly List<IndicatorDraft> _indicators = [];

    public string Layout { get; } = layout;

    public List<FrameworkSection> Sections { get; } = [];

    public List<UnassignedCell> Unassigned { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<BonusItem> BonusItems { get; } = [];

    public List<WorkTask> Tasks { get; } = [];

    public string? Group { get; set; }

    public IndicatorDraft? Current => _indicators.Count > 0 ? _indicators[^1] : null;

    public int IndicatorCount => _indicators.Count;

    public void StartSection(string heading)
    {
        var m = SectionHeading().Match(heading.Trim());
        if (!m.Success)
        {
            return;
        }
        var number = Extraction.DocumentMetadataReader.ChineseNumber(m.Groups[1].Value) ?? Sections.Count + 1;
        var title = m.Groups[2].Value.Trim();
        if (Sections.All(s => s.Number != number))
        {
            Sections.Add(new FrameworkSection(number, title));
        }
        Group = null;
    }

    public void AddIndicator(int number, string text, string? lead, string? responsible, string? materials, string? methods, string? explanation, int line)
    {
        var leads = CellText.Units(lead);
        var draft = new IndicatorDraft(number, CellText.Clean(text).Replace("\n", ""), Sections.LastOrDefault(), Group, line);
        draft.LeadUnits.AddRange(leads);
        draft.ResponsibleUnits.AddRange(CellText.Units(responsible));
        var items = CellText.Items(materials);
        if (items.Count > 0)
        {
            draft.Materials.Add(new MaterialGroup(leads.Count == 0 ? null : string.Join("、", leads), items));
        }
        draft.Methods.AddRange(CellText.Methods(methods));
        draft.Explanation.AddRange(CellText.Items(explanation));
        _indicators.Add(draft);
    }

    /// <summary>A continuation row: another lead unit with its own materials, or more text of the indicator above.</summary>
    public void AddContinuation(string? text, string? lead, string? responsible, string? materials, string? methods, string? explanation)
    {
        var current = Current;
        if (current is null)
        {
            return;
        }
        var leads = CellText.Units(lead);
        foreach (var unit in leads.Where(u => !current.LeadUnits.Contains(u)))
        {
            current.LeadUnits.Add(unit);
        }
        foreach (var unit in CellText.Units(responsible).Where(u => !current.ResponsibleUnits.Contains(u)))
        {
            current.ResponsibleUnits.Add(unit);
        }
        var items = CellText.Items(materials);
        if (items.Count > 0)
        {
            current.Materials.Add(new MaterialGroup(leads.Count == 0 ? null : string.Join("、", leads), items));
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            current.Text += CellText.Clean(text).Replace("\n", "");
        }
        current.Methods.AddRange(CellText.Methods(methods).Where(m => !current.Methods.Contains(m)));
        current.Explanation.AddRange(CellText.Items(explanation));
    }

    public Framework Build(string id, string name, string? source)
    {
        var numbers = _indicators.Select(i => i.Number).ToList();
        var duplicates = numbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        var max = numbers.Count == 0 ? 0 : numbers.Max();
        var missing = Enumerable.Range(1, max).Except(numbers).ToList();
        var outOfOrder = numbers.Where((n, i) => i > 0 && n < numbers[i - 1]).Distinct().ToList();
        var indicators = _indicators
            .GroupBy(i => i.Number)
            .Select(g => g.First())
            .OrderBy(i => i.Number)
            .Select(i => i.ToIndicator())
            .ToList();
        return new Framework
        {
            Id = id,
            Name = name,
            Source = source,
            Sections = Sections.OrderBy(s => s.Number).ToList(),
            Indicators = indicators,
            BonusItems = BonusItems,
            Tasks = Tasks,
            Report = new ParseReport
            {
                Layout = Layout,
                MissingNumbers = missing,
                DuplicateNumbers = duplicates,
                OutOfOrder = outOfOrder,
                UnassignedCells = Unassigned,
                Warnings = Warnings.Concat(duplicates.Select(d => $"指标序号 {d} 出现多次，只保留第一次出现的内容")).ToList(),
            },
        };
    }
}

/// <summary>An indicator being read.</summary>
public sealed class IndicatorDraft(int number, string text, FrameworkSection? section, string? group, int line)
{
    public int Number { get; } = number;

    public string Text { get; set; } = text;

    public int Line { get; } = line;

    public List<string> LeadUnits { get; } = [];

    public List<string> ResponsibleUnits { get; } = [];

    public List<MaterialGroup> Materials { get; } = [];

    public List<string> Methods { get; } = [];

    public List<string> Explanation { get; } = [];

    public Indicator ToIndicator() => new()
    {
        Number = Number,
        Section = section?.Number ?? 0,
        SectionTitle = section?.Title,
        Group = group,
        Text = Text.Trim(),
        LeadUnits = LeadUnits,
        ResponsibleUnits = ResponsibleUnits,
        Materials = Materials,
        Methods = Methods,
        Explanation = Explanation,
        TimeWindows = CellText.TimeWindows(Materials.SelectMany(m => m.Items).Prepend(Text)),
    };
}
