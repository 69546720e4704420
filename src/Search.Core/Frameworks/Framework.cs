namespace Search.Core.Frameworks;

/// <summary>An indicator framework (指标体系) as read from a notice: sections, numbered indicators, bonus items, work-plan tasks, and what could not be read.</summary>
public sealed record Framework
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The file it was read from.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<FrameworkSection> Sections { get; init; } = [];

    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>附加项: bonus and penalty items, kept apart from the numbered indicators.</summary>
    public IReadOnlyList<BonusItem> BonusItems { get; init; } = [];

    /// <summary>Numbered tasks of a work plan (工作任务), with their units.</summary>
    public IReadOnlyList<WorkTask> Tasks { get; init; } = [];

    public ParseReport Report { get; init; } = new();

    public int IndicatorCount => Indicators.Count;
}

/// <summary>一级指标.</summary>
public sealed record FrameworkSection(int Number, string Title);

/// <summary>A numbered third-level indicator (三级指标) with everything the notice says about it.</summary>
public sealed record Indicator
{
    public required int Number { get; init; }

    public int Section { get; init; }

    public string? SectionTitle { get; init; }

    /// <summary>二级指标, where the framework has them.</summary>
    public string? Group { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> LeadUnits { get; init; } = [];

    public IReadOnlyList<string> ResponsibleUnits { get; init; } = [];

    /// <summary>The material checklist, grouped by the lead unit that supplies it (null when the notice does not say).</summary>
    public IReadOnlyList<MaterialGroup> Materials { get; init; } = [];

    /// <summary>测评方法: 网络检索, 材料查证, 随机访谈, 实地核验, 案卷评查, 随机抽考, 问卷调查…</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>情况说明内容: what the situation description must cover.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    /// <summary>Periods the materials state ("2022年以来", "2020年、2021年").</summary>
    public IReadOnlyList<string> TimeWindows { get; init; } = [];
}

/// <summary>Material items one lead unit must supply for an indicator.</summary>
public sealed record MaterialGroup(string? LeadUnit, IReadOnlyList<string> Items);

/// <summary>An 附加项 entry: a bonus (加分项) or penalty (扣分项/否决项).</summary>
public sealed record BonusItem(string Kind, int Number, string Text, IReadOnlyList<string> LeadUnits);

/// <summary>A numbered work-plan task with its lead and responsible units.</summary>
public sealed record WorkTask(int Number, string Text, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> ResponsibleUnits);

/// <summary>What the reader could not make sense of: it reports, it never invents.</summary>
public sealed record ParseReport
{
    public string Layout { get; init; } = "";

    public IReadOnlyList<int> MissingNumbers { get; init; } = [];

    public IReadOnlyList<int> DuplicateNumbers { get; init; } = [];

    public IReadOnlyList<int> OutOfOrder { get; init; } = [];

    public IReadOnlyList<UnassignedCell> UnassignedCells { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool IsClean => MissingNumbers.Count == 0 && DuplicateNumbers.Count == 0 && OutOfOrder.Count == 0 && UnassignedCells.Count == 0;
}

/// <summary>Text found in the table that could not be assigned to an indicator.</summary>
public sealed record UnassignedCell(int Line, string Text);
