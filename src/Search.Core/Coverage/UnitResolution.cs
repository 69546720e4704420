namespace Search.Core.Coverage;

/// <summary>
/// A unit name as someone typed it and the units it names. <see cref="Known"/> lists the units there are to choose from,
/// filled only when the name resolved to nothing, so the answer can say what to type instead.
/// </summary>
public sealed record UnitResolution(string Typed, IReadOnlyList<string> Units, IReadOnlyList<string>? Known = null)
{
    public bool Resolved => Units.Count > 0;
}
